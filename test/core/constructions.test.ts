// Constructions of real news the CoNLL training text teaches too little of, through the product's analysis
// (analyzeText with the shipped model): companies and platforms, broadcasters, parties, clubs in fixture lists,
// awards, demonyms, titles of works, site furniture and a name opening a short text. Text of our own.
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/core/analyze';
import { loadRecognizers } from '../../server/src/node/recognizers';
import { parseFixture, renderMentions } from '../fixture';

const NAME_TYPES = new Set(['person', 'organization', 'location', 'misc']);

/** The one place that calls the analysis: its names, rendered as markers, must equal the fixture's. */
function check(source: string): void {
  const fixture = parseFixture(source);
  const analysis = analyzeText(loadRecognizers(), 'file:///constructions.txt', 1, fixture.text);
  const names = analysis.mentions.filter((m) => NAME_TYPES.has(m.type));
  assert.equal(renderMentions(fixture.text, names), renderMentions(fixture.text, fixture.mentions.filter((m) => NAME_TYPES.has(m.type))));
}

describe('constructions of real news', () => {
  it('types companies and platforms the tagger takes for people or places', () => {
    check('Shares in <<Nintendo>>{organization} rose after <<Sony>>{organization} cut its prices, and <<Telegram>>{organization} said it would follow.');
    check('The regulator said <<Ericsson>>{organization} and <<Kraft>>{organization} had both agreed.');
  });

  it('keeps a place name inside a company name in the company', () => {
    check('Passengers of <<Air Jamaica>>{organization} were stranded at the airport for a night.');
  });

  it('types bookmakers as organizations, not people', () => {
    check('<<William Hill>>{organization} and <<Ladbrokes>>{organization} cut the odds on the favourite overnight.');
  });

  it('types broadcasters and channels, numbers included', () => {
    check('The drama moved from <<BBC Two>>{organization} to <<Channel 4>>{organization}, while <<ITV1>>{organization} kept its quiz.');
  });

  it('leaves the article out of a party where a headline runs into its sentence', () => {
    check('<<Tories>>{organization} oppose late opening The <<Tories>>{organization} say the plans should wait until the police agree.');
  });

  it('leaves letters after a name out of the person', () => {
    check('Judge <<Tom Mara>>{person} QC made his remarks as he sentenced three men for assaults.');
    check('Lawyers for <<Helena Marsh>>{person} QC said the case would go on.');
  });

  it('types parties and their short forms, also before a noun', () => {
    check('<<Labour>>{organization} and the <<Tories>>{organization} both claimed the seat, and a <<Tory>>{organization} spokesman said so.');
  });

  it('leaves a member’s role out of the party, holidays out of the names and a year out of an event or a law', () => {
    check('A <<Tory>>{organization} MP said the <<Labour>>{organization} councillors were wrong.');
    check('Celebrations on Boxing Day and at New Year were quiet.');
    check('Under the 1989 <<Children Act>>{misc}, councils must act.');
  });

  it('takes a lower-case river or bridge after a name into it, but not a street, an airport or an island of a place', () => {
    check('Shelling hit the <<Kessel bridge>>{location} and the <<Marrow river>>{location}.');
    check('Flights left <<Port Aster>>{location} airport after protesters filled a <<Kessel>>{location} street.');
  });

  it('makes a name ending in a venue word a place, but leaves a lower-case venue word out of a name', () => {
    check('Fans filled the <<Kessel Arena>>{location} on Friday.');
    check('The <<Olympic>>{misc} stadium was full.');
  });

  it('finds a channel in a title-case line whose truecasing lowered a word of it', () => {
    check('Comedy Awards Go To <<BBC Three>>{organization} And <<Sky One>>{organization} Shows\n\nThe winners were announced on <<Monday>>{date}.');
  });

  it('splits a span that is two names of the lists one after the other', () => {
    check('<<Millbrook Rovers>>{organization} face <<Arsenal>>{organization} in <<FA Cup>>{misc} <<Premiership>>{misc} side <<Everton>>{organization} travel to <<Kessel>>{location}.');
  });

  it('types a name after a noun of a kind of place as that place', () => {
    check('Leaders arrived in the <<Swiss>>{misc} mountain resort <<Kesselberg>>{location} for the forum.');
    check('She grew up in the town of <<Harlow Green>>{location}.');
  });

  it('types a competition before side or sides as misc', () => {
    // FIXME: Kessel Town is a club here (an organization); the tagger reads a place. Conference is a competition
    // (misc): the model of issue 14 reads an organization there, which the rule leaves alone, as it must a club's
    // name (`a Sampdoria side`, which eng.testb writes often; the lists do not know every club).
    check('<<Kessel Town>>{location} are a <<Conference>>{organization} side, and two <<Championship>>{misc} sides lost on <<Sunday>>{date}.');
    check('Two <<Premiership>>{misc} sides met a <<Kessel Rovers>>{organization} side.');
    check('It was a weak Sunday side.');
  });

  it('types the last word of a product named in full as that product', () => {
    check('Sales of the <<Nintendo DS>>{misc} rose in March. The <<DS>>{misc} costs less than a phone.');
    // Also where the tagger leaves the short form out.
    check('The <<Nintendo DS>>{misc} is out. The striking thing about the <<DS>>{misc} is how old it looks. "We believe the <<DS>>{misc} will appeal to all ages," she said.');
  });

  it('types a run ending in the head of an organization that the tagger read alone as another name, with of and a place', () => {
    check('<<Ann Lee>>{person} and <<Tom Mara>>{person} are among the nominees at the <<Directors Guild of Great Britain>>{organization} awards this year.');
  });

  it('keeps an initial written without its full stop in the person', () => {
    // FIXME: Foley is a player here (a person); the tagger reads a place.
    check("Squad: <<Lee>>{person}, <<Mara>>{person}, <<O'Kelly>>{person}, <<S Easterby>>{person}, <<Brandt>>{person}, <<G Easterby>>{person}, <<Foley>>{location}.");
  });

  it('types a run ending in the head of an event as misc', () => {
    check('Professor <<Ann Lee>>{person} gave the <<Harlow Lecture>>{misc} at the university.');
    check('She won the <<Kessel Open>>{misc} last year.');
  });

  it('types a name opening with Fort, Mount, Cape or Lake as a place', () => {
    // Without the rule the tagger reads both as people (`Myers`, `Smith`).
    check('Power failed in <<Fort Myers>>{location}.');
    check('The storm hit <<Fort Smith>>{location} hard.');
  });

  it('leaves a sentence-opening common word alone', () => {
    check('Boots and coats were handed out. Sharp falls in prices followed.');
  });

  it('types a run of capitalised words ending in Ministry, Department, Productions and the like as an organization', () => {
    check('The <<Russian>>{misc} <<Transport Ministry>>{organization} said on Monday that roads were closed.');
    check('A <<Harbour Department>>{organization} spokesman said nothing.');
    check('A spokesman for <<Harbour Lane Productions>>{organization} said the film was ready.');
  });

  it('cuts a fixture list into its clubs', () => {
    check('<<Arsenal>>{organization} v <<Stoke>>{organization} <<Swindon>>{organization}/<<Notts Co>>{organization} v <<Middlesbrough>>{organization} <<Man Utd>>{organization} v <<Exeter>>{organization}');
  });

  it('types an award as misc, not a person', () => {
    check('She won an <<Oscar>>{misc} last year and two <<Grammys>>{misc} before that.');
  });

  it('types demonyms as misc', () => {
    check('Thousands of <<Ukrainians>>{misc} and <<Europeans>>{misc} joined the march, with <<Geordie>>{misc} fans in front.');
  });

  it('finds a title after a cue word, and its other mentions in the text', () => {
    check('The film <<Quiet Harbour Nights>>{misc} opened on Friday. Critics said <<Quiet Harbour Nights>>{misc} was slow.');
  });

  it('finds a quoted title in title case', () => {
    check('The band played "<<Hopes of the Long Winter>>{misc}" to close the night.');
  });

  it('finds a programme named before its channel in brackets', () => {
    check('She also starred in <<Marsh Lane>>{misc} (<<BBC One>>{organization}) last spring.');
  });

  it('types products and competitions as misc', () => {
    check('Fans queued for the <<iPod>>{misc} and the <<PlayStation Portable>>{misc} before the <<FA Cup>>{misc} final.');
  });

  it('finds a list of titles after a plural cue word', () => {
    check('Voters liked films such as <<Lantern Road>>{misc}, <<Cold Orchard>>{misc} and <<The Glass Tide>>{misc} this year.');
  });

  it('finds a programme before its makers and channels in brackets, and after its creator', () => {
    check('The winner was <<Marsh Lane>>{misc} (<<Twentieth Century Fox>>{organization}, <<BBC Two>>{organization}), ahead of its rivals.');
    check('The award went to <<Ann Lee>>{person}, creator of <<The Glass Tide>>{misc}, and to the star of <<Arsenal>>{organization}.');
  });

  it('finds a title before a performer’s role and a person, and after starred in', () => {
    check('Bookmakers said <<Lantern Road>>{misc} star <<Ann Lee>>{person} was the favourite.');
    check('She starred in <<Harbour Lights>>{misc} before the tour.');
    // A club or a place before the role stays what it is.
    check('<<Hollywood>>{location} star <<Tom Mara>>{person} flew in.');
  });

  it('finds a title after an award category and for, and after a broadcaster and a weak cue word', () => {
    check('<<Ann Lee>>{person} won best director for <<Harbour Lights>>{misc} last night.');
    // FIXME: a title runs on over a small word to a capitalised day (as `The Mail on Sunday` would want, but not here).
    check('<<Ann Lee>>{person} won best director for <<Harbour Lights on Sunday>>{misc}.');
    check('The <<BBC>>{organization} comedy <<Tin Roof>>{misc} was renewed.');
    // A person after the category stays a person.
    check('The prize for best actress went to <<Ann Lee>>{person}.');
  });

  it('reads credits in brackets: a person’s titles, or a title’s makers, before the channel', () => {
    // A list of credits is in title case: its truecasing must not hide the titles' words (`Little`, `Show`).
    check('<<Ann Lee>>{person} (<<Tin Roof>>{misc}/ <<Little Wonders>>{misc}, <<ITV1>>{organization}) <<Tom Mara>>{person} (<<The Tom Mara Show>>{misc}, <<BBC Two>>{organization}) <<Marsh Lane>>{misc} (<<Kessel Hill Productions>>{organization}, <<BBC Three>>{organization})');
    check('The winner was <<Marsh Lane>>{misc} (<<Twentieth Century Fox>>{organization}, <<BBC Two>>{organization}), ahead of its rivals.');
    // A title ending in `!` ends the tokenizer's sentence inside the brackets.
    check('<<Ann Lee>>{person} (<<Tin Roof>>{misc}/ <<Help Me Now, I Said!>>{misc}, <<ITV1>>{organization}) <<Tom Mara>>{person} (<<Quiet Hours>>{misc}, <<BBC Two>>{organization})');
  });

  it('finds a title after a broadcaster’s possessive, but not a person or a place there', () => {
    check('Viewers of the <<BBC>>{organization}\'s <<Tinroofers>>{misc} were angry.');
    check('He told <<BBC Radio 4>>{organization}\'s <<Harbour at Noon>>{misc} programme that he would stay.');
    check('The <<BBC>>{organization}\'s <<Ann Lee>>{person} said so, and the <<BBC>>{organization}\'s <<Moscow>>{location} correspondent agreed.');
  });

  it('finds a title before its maker’s or judge’s role and a person, also where the tagger read an organization', () => {
    check('Critics preferred <<The Office>>{misc} creator <<Ann Lee>>{person} and <<X Factor>>{misc} judge <<Tom Mara>>{person}.');
  });

  it('finds lists of titles after a cue and its comma, joined by or, and a second title opening with The', () => {
    // FIXME: `or` ends a title in a list only after one word (`It's Late or Never` is one title), so two titles of
    // two words joined by `or` are read as one.
    check('It was a blockbuster, such as <<Cold Orchard or Lantern Road>>{misc}, that won.');
    check('The comedy series <<Early Doors>>{misc} and <<The Late Hours>>{misc} were nominated.');
    check('Critics liked films such as <<Sex and the City>>{misc} and <<Cold Orchard>>{misc}.');
    check('Games were made of films such as <<Harry Lane>>{misc} and the <<James Kessel>>{person} films.');
  });

  it('finds two titles after an award category that names TV', () => {
    check('<<Ann Lee>>{person} took home best TV comedy actress for <<Quiet Hours>>{misc} and <<Night Shift>>{misc} last year.');
  });

  it('takes a capitalised The into a title found without it, and a title in mixed case opening a sentence', () => {
    check('Fans loved the film <<Aviatrix>>{misc}. Bookmakers tip <<The Aviatrix>>{misc} to win.');
    check('The soap <<HarbourSide>>{misc} was renewed. <<HarbourSide>>{misc} has two million viewers.');
  });

  it('makes a product of a maker or a product and a model’s number or code, but not of a table’s figures', () => {
    check('The <<Nintendo 64>>{misc} and the <<PowerMac G4>>{misc} sold well, and <<Sony>>{organization} results were weak.');
    check('<<Samsung>>{organization} 10 <<Hanwha>>{organization} 3');
  });

  it('leaves generic words out at the edges of names, and plural acronyms and centuries out of the names', () => {
    check('Many rival ISPs sold <<Windows>>{misc} PC users cheap lines, and millions of HIV-positive <<Africans>>{misc} need drugs in the 21st Century.');
    // A product with a lower-case part keeps the generic word rather than lose its own tail.
    check('Studios backed the <<Blu-ray DVD>>{misc} format.');
  });

  it('types club nicknames as organizations and the Mac as a product', () => {
    check('The <<Gunners>>{organization} beat the <<Red Devils>>{organization}. The new <<Mac>>{misc} is fast.');
  });

  it('finds works after their nominee and for, and after their makers, in a sentence about nominations only', () => {
    check('Other nominees include <<Ann Lee>>{person} for <<Kessel>>{misc} and <<Tom Mara>>{person} for <<Quiet Hours of the Long Night>>{misc}.');
    check('The directors of <<Tin Roof>>{misc}, <<Marsh Lane>>{misc} and <<Coldwater>>{misc} are all nominated for the prize.');
    check('She was nominated with <<Ann Lee>>{person} For <<Night Shift>>{misc} and <<Quiet Hours>>{misc} director <<Tom Mara>>{person}.');
    // No nominations: the tagger's reading stands (no work; the model of issue 14 reads a candidate voted for).
    check('<<Tom Mara>>{person} voted for <<Labour>>{organization} and <<Ann Lee>>{person} for <<Kessel>>{person}.');
  });

  it('finds an operating system before its noun, an award before of the Year and a parliamentary occasion', () => {
    check('The release of the <<Kestrel>>{misc} operating system is due. She was named the 2003 <<Technology Leader of the Year>>{misc}.');
    // A maker before the noun stays the maker.
    check('Cash machines ran the <<Microsoft>>{organization} operating system.');
    check('He spoke at <<Prime Minister\'s Questions>>{misc} on <<Wednesday>>{date}.');
  });

  it('keeps a channel’s generic word and leaves a plural acronym out of a name', () => {
    check('Plans were drawn up by the <<Fox TV>>{organization} network. The shares of <<Kessel Bank>>{organization} GDRs fell.');
  });

  it('finds a title before show, or a programme after a broadcaster and its medium, but not a sentence’s The, a day, a person, a place or a known name there', () => {
    check('The contestant was evicted from the <<Night Shift>>{misc} show on Friday. He told <<BBC>>{organization} television\'s <<Quiet Hours>>{misc} programme.');
    check('She told <<ITV1>>{organization}\'s <<Quiet Hours>>{misc} show she would stay, as on <<Monday>>{date}\'s show.');
    check('The show ended. "The show was long," she said. The <<BBC>>{organization} show won, as did the <<Kessel>>{location} show.');
  });

  it('finds works after their nominee in a sentence about a prize', () => {
    check('She will compete for the film prize with <<Ann Lee>>{person} for <<Quiet Hours>>{misc} and <<Night Shift>>{misc} director <<Jo Kemp>>{person}.');
  });

  it('types British public bodies as organizations', () => {
    check('Officials at the <<Home Office>>{organization} said the <<NHS>>{organization} and the <<Commons>>{organization} public accounts committee would both be told.');
  });

  it('finds the titles of a chart list, each with its place, and a title holding or', () => {
    check('Her songs are in the top 40 singles chart including <<Cold Orchard>>{misc} at number 20, <<It\'s Late or Never>>{misc} at number 27 and <<Night Shift>>{misc} at number 37.');
    check('It was a blockbuster, such as <<Coldwater>>{misc} or <<Lantern Road>>{misc}, that won.');
  });

  it('finds a work after its cue and a comma, by its author, and a title’s own question mark', () => {
    check('The row came after a new book, <<Kessel\'s Britain>>{misc} by <<Ann Lee>>{person}, was published.');
    check('The report, entitled <<Broadband Kessel: The End Of Cables?>>{misc}, was out. Did you see the film <<Lantern Road>>{misc}? It was good.');
  });

  it('types an organization the tagger read around a known title as the title’s longer form', () => {
    check('He joined the cast of the show <<Big Orchard>>{misc}. He was evicted from <<Celebrity Big Orchard>>{misc} on <<Friday>>{date}.');
  });

  it('finds a title after a part played in it, and before a category it won', () => {
    check('He was praised for his performance in <<Closer>>{misc}. His role in <<Iraq>>{location} and the weak performance in 1996 were noted.');
    check('<<Quiet Hours>>{misc} was voted best comedy film. But <<Night Shift>>{misc} won best drama, and <<Ann Lee>>{person} won best actress.');
  });

  it('types newspapers and magazines as organizations', () => {
    check('The trade paper <<Variety>>{organization} and the <<Hollywood Reporter>>{organization} both said so, as did a poll for the <<News of the World>>{organization} newspaper.');
  });

  it('finds a title named by its last word', () => {
    check('She was a guest on <<The Morning Harbour Show>>{misc} last week.');
  });

  it('finds a title in apposition to a cue word, and its other mentions', () => {
    check('Critics praised <<Lantern Road>>{misc}, the film by a new director, and said <<Lantern Road>>{misc} would last.');
  });

  it('types a surname as the person named in full earlier in the text', () => {
    check('<<Olena Marchuk>>{person} spoke first. Officials said the plan had been requested by <<Marchuk>>{person}.');
  });

  it('leaves a line of site furniture out', () => {
    check('<<Kherson>>{location} is quiet again\nAdvertisement\nTT\nResidents returned to <<Kherson>>{location} on Monday.');
  });

  it('finds a person named at the start of a short text', () => {
    check('<<Kovalenko>>{person} visited <<Kherson>>{location} on Friday.');
    check('<<Zelensky>>{person} visited <<Kherson>>{location} on Friday.');
  });
});
