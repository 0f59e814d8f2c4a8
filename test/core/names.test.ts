// Behaviour of the trained name recogniser on short texts of our own: names found, titles left out,
// possessives, curly quotes, hyphenated words, headlines, captions and agency credits.
import * as assert from 'node:assert/strict';
import { parseFixture, renderMentions } from '../fixture';
import { loadNameRecognizer } from '../../server/src/node/nameModel';
import { tokenize } from '../../server/src/core/text/tokenize';

/** The one place that calls the recogniser: its mentions, rendered as markers, must equal the fixture. */
function check(source: string): void {
  const fixture = parseFixture(source);
  const found = loadNameRecognizer().recognize(fixture.text);
  assert.equal(renderMentions(fixture.text, found), renderMentions(fixture.text, fixture.mentions));
}

describe('name recogniser', () => {
  it('finds people, places and organizations in a plain sentence', () => {
    check('<<Vladimir Putin>>{person} met officials from the <<United Nations>>{organization} in <<Moscow>>{location} on Monday.');
  });

  it('leaves titles out of a person\'s name', () => {
    check('<<Russian>>{misc} President <<Vladimir Putin>>{person} spoke after Governor <<Andrew Bailey>>{person} left.');
  });

  it('ends a name before a possessive, straight or curly', () => {
    check("<<Russia>>{location}'s army and <<Ukraine>>{location}’s navy.");
  });

  it('keeps a possessive that is part of the name, and brackets whose partner is inside the name', () => {
    check("<<England>>{location} resumed their innings at <<Lord's>>{location} on Monday, and <<Blair>>{person}'s team watched.");
    check('Results : <<Proleter ( Z )>>{organization} 2 <<Mladost ( L )>>{organization} 1');
  });

  it('handles curly quotes around names', () => {
    check('“We will return to <<Kherson>>{location},” said <<Volodymyr Zelenskiy>>{person}.');
  });

  it('tags the name part of a hyphenated word with its own type', () => {
    check('The <<Moscow>>{location}-installed officials met <<London>>{location}-based analysts.');
    // A generic word is no name in a hyphenated word either.
    check('Cheap anti-Aids drugs reached the TV-viewing public.');
  });

  it('leaves the type of a hyphenated word\'s name part to its other mentions: the tagger read a sentence the text does not hold', () => {
    const text = 'Leaders of the Velorian Harbour League met. He is the only non-Nato member invited.';
    const part = loadNameRecognizer().recognize(text).find((m) => text.slice(m.start, m.end) === 'Nato');
    assert.ok(part, 'the name part is found');
    assert.equal(part.weak, true);
  });

  it('finds agency credits and datelines', () => {
    check('<<KYIV>>{location} (<<Reuters>>{organization}) - <<Ukraine>>{location} said on Tuesday it had retaken the town.');
    check('<<PORT ASTER>>{location}, March 4, 2024 - The harbour reopened on Monday, officials said.');
    check('<<WASHINGTON>>{location} (<<AP>>{organization}) - The storm weakened overnight.');
    // A hyphenated place in capitals is one name, not its first part.
    check('<<AL-MARSA>>{location}, March 4 (<<Reuters>>{organization}) - Talks resumed on Monday, officials said.');
  });

  it('finds names in an all-caps headline', () => {
    check('<<RUSSIAN>>{misc} TROOPS PULL BACK FROM <<KHERSON>>{location} AS <<UKRAINE>>{location} ADVANCES');
  });

  it('reads a line in capitals as written, not only truecased: a verb after a name stays out of it', () => {
    // Truecased, `Sampras Endures` reads as a full name; as written, the model knows headlines in capitals.
    check('TENNIS - <<SAMPRAS>>{person} ENDURES ANOTHER MISERABLE DAY');
    check('CRICKET - <<PAKISTAN>>{location} BEAT <<NEW ZEALAND>>{location} BY FIVE WICKETS');
  });

  it('reads a row of a results table or a team list as written: a surname that is also a common word stays', () => {
    check('Results of the sprint on Saturday:\n<<Jo Witty>>{person} ( <<Kessel>>{location} ) 41.75\n<<Tom Back>>{person} ( <<Port Aster>>{location} ) 41.80\n');
    check('Squad for the match:\nGoalkeepers - <<Tom Back>>{person} , <<Jo Witty>>{person}\nDefenders - <<Ann Price>>{person} , <<Tom Mara>>{person}\n');
  });

  it('adds to a line in capitals only names a list or the rest of the text knows: its common words are no names', () => {
    check('STRIKE WORSENS IN <<KHERSON>>{location} AS TALKS STALL\n\nThe union said on Monday that talks had failed.\n');
    check('BREATHALYSER TESTS DOUBLE IN <<KESSEL>>{location}\n\nPolice in <<Kessel>>{location} said on Monday that more drivers were stopped.\n');
    check('PLAYOFF HUNT TIGHTENS AS HARBOUR STRIKE WORSENS\n\nThe league said on Monday that the race was close.\n');
  });

  it('keeps ordinary words of a title-case headline out of names', () => {
    check('<<Russian>>{misc} Troops Pull Back From <<Kherson>>{location} as <<Ukraine>>{location} Advances');
    check('<<Ukraine>>{location} Says Strikes Cut <<Russian>>{misc} Supply Lines Near <<Kherson>>{location}');
  });

  it('recognises transliterated names it never saw in training', () => {
    check('<<Oleksandr Senkevych>>{person}, the mayor of <<Mykolaiv>>{location}, spoke to reporters.');
  });

  it('tags a photo caption with its credit', () => {
    check('A soldier walks past a tank near <<Kherson>>{location}, <<Ukraine>>{location}, November 12, 2022. <<REUTERS>>{organization}/<<Valentyn Ogirenko>>{person}');
  });

  it('returns nothing for text without names', () => {
    check('the rain fell all day and nobody went out.');
  });
});

describe('tokenizer', () => {
  const words = (text: string) => tokenize(text).tokens.map((t) => t.text);

  it('splits possessives and contractions but keeps abbreviations and hyphenated words whole', () => {
    assert.deepEqual(words("Russia’s U.S. pro-Kremlin don't Mr. Smith"), ['Russia', '’s', 'U.S.', 'pro-Kremlin', 'do', "n't", 'Mr.', 'Smith']);
    // A small word glued to a capitalised one by a lost space is two words; `iPod` and `eBay` stay whole.
    assert.deepEqual(words("the purpose ofNew Labour atKessel's iPod eBay fromage"), ['the', 'purpose', 'of', 'New', 'Labour', 'at', 'Kessel', "'s", 'iPod', 'eBay', 'fromage']);
    // Capitals joined by an ampersand, a currency's letters and dollar sign, a US state's abbreviation (capitalised).
    assert.deepEqual(words('S&P and AT&T paid C$1.5 and US$ 24 to rock&roll fans in Tampa, Fla. critical mass.'), ['S&P', 'and', 'AT&T', 'paid', 'C$', '1.5', 'and', 'US$', '24', 'to', 'rock', '&', 'roll', 'fans', 'in', 'Tampa', ',', 'Fla.', 'critical', 'mass', '.']);
  });

  it('gives offsets into the raw text', () => {
    const text = 'He said: “Kherson.”';
    for (const t of tokenize(text).tokens) assert.equal(text.slice(t.start, t.end), t.text);
  });

  it('ends sentences at full stops and line breaks, not after Mr.', () => {
    const { tokens, sentences } = tokenize('Mr. Smith left. Then he came back\nHeadline here');
    assert.deepEqual(sentences.map((s) => tokens.slice(s.first, s.end).map((t) => t.text).join(' ')), ['Mr. Smith left .', 'Then he came back', 'Headline here']);
  });

  it('keeps a row of a results table whole: a figure opening with a full stop and a fraction are figures', () => {
    const { tokens, sentences } = tokenize('KESSEL 14 4 .778 6 1/2\nPORT ASTER 10 6 .625 -');
    assert.deepEqual(sentences.map((s) => tokens.slice(s.first, s.end).map((t) => t.text).join(' ')), ['KESSEL 14 4 .778 6 1/2', 'PORT ASTER 10 6 .625 -']);
  });

  it('keeps a numbered row of a list whole: the number opening a line keeps its full stop', () => {
    const { tokens, sentences } = tokenize('8. Ann Lee (Kessel) 1:18.31\nPrices rose 8. Then they fell.');
    assert.deepEqual(sentences.map((s) => tokens.slice(s.first, s.end).map((t) => t.text).join(' ')), ['8. Ann Lee ( Kessel ) 1:18.31', 'Prices rose 8 .', 'Then they fell .']);
  });

  it('reads a person in a numbered row of results as a person', () => {
    check('Results:\n8. <<Florence Masnada>>{person} ( <<France>>{location} ) 1:18.31\n9. <<Ann Lee>>{person} ( <<Kessel>>{location} ) 1:19.02\n');
  });
});
