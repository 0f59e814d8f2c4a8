// Broad lists of facts the CoNLL training text cannot teach: names of kinds of thing that news writes without
// context words (clubs in a fixture list, broadcasters, parties, companies, awards, demonyms). Each list is a
// category of the world, not a list of an evaluation set's names; constructions.ts decides where each applies.
// Entries are separated by `|`; a name's words are split as the tokenizer splits them.
import { Gazetteer } from './gazetteer';

/** Type codes of the tagger (tags.ts): person, organization, location, misc. */
export const PER = 0;
export const ORG = 1;
export const LOC = 2;
export const MISC = 3;

/**
 * How an entry applies:
 * - `name`: it is this type wherever it is written capitalised (a span of another type with exactly its words is
 *   retyped, a missed one is added, a longer span that is only such names is split);
 * - `club`: a sports club named after its town, a club only where the text is about a game (a fixture `A v B`,
 *   a result), a place otherwise.
 */
export type FactKind = 'name' | 'club';

export interface FactList {
  type: number;
  kind: FactKind;
  names: string;
  /** Broadcasters and channels: a capitalised run right before one in brackets is a programme (`Shameless (Channel 4)`). */
  broadcaster?: boolean;
  /** Political parties: a member's role after one (`Tory MP`) is not part of its name. */
  party?: boolean;
  /** Makers and products: a model's number or code after one (`Nintendo 64`, `PowerMac G4`) makes a product of it. */
  models?: boolean;
}

// Football clubs of the English and Scottish leagues (recent decades), with the short forms of results tables.
const FOOTBALL_CLUBS_DISTINCT =
  'Arsenal|Aston Villa|Everton|Tottenham Hotspur|Tottenham|Spurs|Manchester United|Man Utd|Man United|Manchester City|Man City|' +
  'Newcastle United|Newcastle Utd|Liverpool FC|West Ham United|West Ham|West Ham Utd|West Bromwich Albion|West Brom|Crystal Palace|' +
  'Leeds United|Leeds Utd|Sheffield United|Sheff Utd|Sheffield Wednesday|Sheff Wed|Nottingham Forest|Nottm Forest|Notts County|Notts Co|' +
  'Wolverhampton Wanderers|Wolves|Blackburn Rovers|Bolton Wanderers|Queens Park Rangers|QPR|Millwall|Preston North End|Milton Keynes Dons|MK Dons|' +
  'Wimbledon FC|AFC Wimbledon|Brighton and Hove Albion|Brighton & Hove Albion|Birmingham City|Cardiff City|Swansea City|Norwich City|Leicester City|' +
  'Stoke City|Hull City|Coventry City|Bristol City|Bristol Rovers|Derby County|Ipswich Town|Luton Town|Swindon Town|Northampton Town|' +
  'Huddersfield Town|Grimsby Town|Mansfield Town|Shrewsbury Town|Cheltenham Town|Yeovil Town|Macclesfield Town|Crewe Alexandra|Plymouth Argyle|' +
  'Leyton Orient|Charlton Athletic|Oldham Athletic|Wigan Athletic|Scunthorpe United|Peterborough United|Rotherham United|Southend United|' +
  'Carlisle United|Hartlepool United|Oxford United|Cambridge United|Torquay United|Colchester United|Exeter City|Hereford United|' +
  'Doncaster Rovers|Tranmere Rovers|Blackpool FC|Burnley FC|Fulham FC|Reading FC|Watford FC|Southampton FC|Portsmouth FC|Middlesbrough|Boro|' +
  'Sunderland AFC|Bournemouth AFC|AFC Bournemouth|Brentford FC|Gillingham FC|Rochdale AFC|Stockport County|Chester City|Wrexham AFC|Bury FC|' +
  'Barnet FC|Kidderminster Harriers|Boston United|Accrington Stanley|Dagenham & Redbridge|Forest Green Rovers|Fleetwood Town|Morecambe FC|' +
  'Hinckley United|Yeading|Celtic|Rangers|Glasgow Rangers|Aberdeen FC|Heart of Midlothian|Hearts|Hibernian|Hibs|Dundee United|Dundee Utd|' +
  'Dunfermline Athletic|Dunfermline|Kilmarnock|Motherwell|Livingston FC|Inverness Caledonian Thistle|Inverness CT|Inverness Caley Thistle|' +
  'Partick Thistle|St Mirren|St Johnstone|Ross County|Hamilton Academical|Falkirk FC|Queen of the South|Raith Rovers|Greenock Morton|' +
  'Airdrie United|Clyde FC|Ayr United|Dundee FC|Stenhousemuir|Brechin City|Forfar Athletic|Arbroath FC|Montrose FC|Queen\'s Park|Stranraer|' +
  'Albion Rovers|Cowdenbeath|East Fife|Alloa Athletic|Berwick Rangers|Elgin City|Peterhead FC|Annan Athletic|Old Firm|' +
  // Nicknames the reports use for clubs, plural and distinctive (not `Saints` or `Blues`, common elsewhere).
  'Gunners|Red Devils|Magpies|Toffees|Hammers|Baggies|Villans|Black Cats|Bhoys|Gers|' +
  'Real Madrid|Barcelona FC|FC Barcelona|Atletico Madrid|Valencia CF|Deportivo La Coruna|Bayern Munich|Borussia Dortmund|Juventus|AC Milan|' +
  'Inter Milan|Internazionale|AS Roma|Lazio|Ajax|PSV Eindhoven|Feyenoord|Porto FC|FC Porto|Benfica|Sporting Lisbon|Olympiakos|Galatasaray|Fenerbahce|' +
  'Paris St Germain|Paris Saint-Germain|Olympique Lyonnais|Olympique Marseille|CSKA Moscow|Spartak Moscow|Dynamo Kiev|Shakhtar Donetsk';

// Clubs named after their town: a club in a fixture or result, the town elsewhere.
const FOOTBALL_CLUBS_TOWNS =
  'Liverpool|Newcastle|Leeds|Leicester|Derby|Stoke|Hull|Coventry|Ipswich|Luton|Swindon|Northampton|Huddersfield|Grimsby|Mansfield|' +
  'Shrewsbury|Cheltenham|Yeovil|Macclesfield|Crewe|Plymouth|Charlton|Oldham|Wigan|Scunthorpe|Peterborough|Rotherham|Southend|Carlisle|' +
  'Hartlepool|Oxford|Cambridge|Torquay|Colchester|Exeter|Hereford|Doncaster|Tranmere|Blackpool|Burnley|Fulham|Reading|Watford|Southampton|' +
  'Portsmouth|Sunderland|Chelsea|Bournemouth|Brentford|Gillingham|Rochdale|Stockport|Chester|Wrexham|Bury|Barnet|Kidderminster|Boston|Brighton|' +
  'Birmingham|Cardiff|Swansea|Norwich|Blackburn|Bolton|Bristol|Preston|Sheffield|Nottingham|Wolverhampton|Middlesbrough|Wimbledon|' +
  'Lincoln|Darlington|Walsall|Port Vale|Wycombe|Milton Keynes|Aberdeen|Dundee|Livingston|Inverness|Falkirk|Hamilton|Ayr|Clyde|Morton|' +
  'Montrose|Arbroath|Brechin|Forfar|Alloa|Peterhead|Elgin|Dumbarton|Airdrie';

// Rugby union and league sides, and national sides known by a nickname.
const RUGBY_SIDES =
  'Wasps|London Wasps|Saracens|Harlequins|Leicester Tigers|Sale Sharks|Northampton Saints|London Irish|Leeds Tykes|Newcastle Falcons|' +
  'Worcester Warriors|Gloucester Rugby|Bath Rugby|Bristol Shoguns|Exeter Chiefs|Ospreys|Llanelli Scarlets|Scarlets|Cardiff Blues|' +
  'Newport Gwent Dragons|Munster|Leinster|Connacht|Border Reivers|Glasgow Warriors|Edinburgh Gunners|Stade Francais|Toulouse|Biarritz|' +
  'Perpignan|Wigan Warriors|St Helens|Leeds Rhinos|Bradford Bulls|Warrington Wolves|Hull FC|All Blacks|Wallabies|Springboks|Pumas|' +
  'British and Irish Lions|British & Irish Lions';

const RUGBY_TOWNS = 'Bath|Gloucester|Ulster|Edinburgh|Glasgow|Llanelli|Newport|Pontypridd|Neath|Swansea|Bridgend|Lions';

// Broadcasters, channels, stations and news agencies.
const BROADCASTERS =
  'BBC One|BBC Two|BBC Three|BBC Four|BBC 1|BBC 2|BBC1|BBC2|BBC3|BBC4|BBC News|BBC News 24|BBC World|BBC World Service|BBC Radio|' +
  'BBC Radio 1|BBC Radio 2|BBC Radio 3|BBC Radio 4|BBC Radio 5 Live|BBC Radio Five Live|BBC Radio Scotland|BBC Radio Wales|BBC Sport|' +
  'BBC Scotland|BBC Wales|BBC Northern Ireland|BBC Worldwide|BBC Online|BBC News Online|BBC Sport Online|CBBC|CBeebies|' +
  'Radio 1|Radio 2|Radio 3|Radio 4|Radio 5|Radio 5 Live|Radio Five Live|Five Live|1Xtra|6 Music|BBC 6 Music|BBC 7|' +
  'ITV|ITV1|ITV2|ITV3|ITV4|ITV News|ITN|GMTV|Carlton|Channel 4|Channel Four|Channel 4 News|Channel 5|Channel Five|E4|More4|Film4|S4C|' +
  'Sky One|Sky Two|Sky News|Sky Sports|Sky Movies|Sky Sports News|BSkyB|Sky Television|UKTV|Living TV|Bravo|Setanta|Setanta Sports|' +
  'Classic FM|Capital FM|Capital Radio|Virgin Radio|XFM|Talksport|TalkSport|LBC|Radio Clyde|RTE|TG4|' +
  'CNN|CNBC|MSNBC|Fox News|Fox TV|Fox Broadcasting|HBO|MTV|VH1|NBC|CBS|PBS|NPR|ESPN|Showtime|Al Jazeera|Al-Jazeera|Al Arabiya|' +
  'Euronews|Eurosport|Deutsche Welle|ZDF|ARD|Canal Plus|Canal+|TF1|France 24|RAI|Mediaset|NHK|CCTV|Doordarshan|Star TV';

// News agencies (credited in brackets after a dateline, so not channels for the programme rule).
const AGENCIES = 'Reuters|Associated Press|Agence France-Presse|Press Association|Bloomberg|Xinhua|Interfax|Itar-Tass|Kyodo|Yonhap';

// Newspapers and magazines, by the words that name only them (not `Times`, `Sun`, `Independent`, `Observer` alone,
// nor `The`, which opening a sentence is the sentence's).
const NEWSPAPERS =
  'Financial Times|Guardian|Sunday Times|Daily Telegraph|Sunday Telegraph|Daily Mail|Mail on Sunday|Daily Mirror|Sunday Mirror|' +
  'Daily Express|Sunday Express|Independent on Sunday|Evening Standard|Daily Record|News of the World|New Statesman|Private Eye|' +
  'Radio Times|New York Times|Washington Post|Wall Street Journal|Los Angeles Times|USA Today|Boston Globe|Chicago Tribune|Newsweek|' +
  'Variety|Hollywood Reporter|Rolling Stone|NME|Le Monde|Le Figaro|Der Spiegel|Die Welt|Corriere della Sera|El Pais';

// British public bodies the news names without context words (not ones whose name is also a common noun: Treasury).
const PUBLIC_BODIES =
  'NHS|National Health Service|Home Office|Foreign Office|Foreign and Commonwealth Office|Cabinet Office|House of Commons|' +
  'House of Lords|Commons|TUC|Trades Union Congress|CBI|Confederation of British Industry|DTI|Department of Trade and Industry|' +
  'National Audit Office|Bank of England|Office for National Statistics|Met Office|Crown Prosecution Service|Serious Fraud Office';

// Political parties, with the short forms news writes.
const PARTIES =
  'Labour|New Labour|Labour Party|Tory|Tories|Conservative|Conservatives|Conservative Party|Liberal Democrats|Liberal Democrat|Lib Dems|Lib Dem|' +
  'SNP|Scottish National Party|Plaid Cymru|UKIP|UK Independence Party|Green Party|Greens|Scottish Greens|BNP|British National Party|' +
  'Respect Party|Veritas|Scottish Socialist Party|SSP|Sinn Fein|DUP|Democratic Unionist Party|Democratic Unionists|SDLP|' +
  'Ulster Unionist Party|Ulster Unionists|UUP|Alliance Party|Democratic Party|Republican Party|' +
  'Christian Democrats|Christian Democratic Union|CDU|CSU|Social Democratic Party|SPD|Free Democrats|FDP|' +
  'Socialist Party|Union for a Popular Movement|UMP|National Front|Front National|Forza Italia|Northern League|Partido Popular|PSOE|' +
  'Likud|Kadima|Labor Party|Fatah|Hamas|Hezbollah|Bharatiya Janata Party|BJP|Congress Party|ANC|African National Congress|ZANU-PF|' +
  'Movement for Democratic Change|MDC|Communist Party|Chinese Communist Party|United Russia|Liberal Party|New Democratic Party|Bloc Quebecois|' +
  'Fianna Fail|Fine Gael|Justice and Development Party|AKP|Party of Regions|Our Ukraine|Yabloko|Pakistan Peoples Party|Muslim League';

// Companies, brands as firms, platforms and bookmakers that the news names without context words.
const COMPANIES =
  'Google|Yahoo|Microsoft|Apple|eBay|AOL|Facebook|Twitter|Instagram|WhatsApp|Telegram|TikTok|YouTube|Snapchat|LinkedIn|MySpace|' +
  'Skype|Netflix|Spotify|Uber|Airbnb|PayPal|Alibaba|Tencent|Baidu|Huawei|Xiaomi|Lenovo|Samsung|LG|Sony|Nintendo|Sega|Panasonic|Toshiba|' +
  'Hitachi|Fujitsu|Sharp|Canon|Nikon|Philips|Siemens|Ericsson|Nokia|Motorola|BlackBerry|Research in Motion|Intel|AMD|Nvidia|IBM|' +
  'Hewlett-Packard|Dell|Oracle|SAP|Cisco|Qualcomm|Texas Instruments|Adobe|Symantec|McAfee|Electronic Arts|Activision|Ubisoft|' +
  'Vodafone|O2|Orange|T-Mobile|BT|British Telecom|Virgin Media|Virgin|NTL|Telewest|Tiscali|Wanadoo|Deutsche Telekom|Telefonica|' +
  'Verizon|AT&T|Comcast|Time Warner|Warner Bros|Walt Disney|Disney|Paramount|Universal|Viacom|News Corporation|News Corp|' +
  '20th Century Fox|Twentieth Century Fox|Miramax|DreamWorks|Pixar|Sony Pictures|EMI|Sony BMG|Warner Music|Universal Music|' +
  'General Motors|Ford|Chrysler|DaimlerChrysler|Daimler|Mercedes-Benz|BMW|Volkswagen|Audi|Porsche|Renault|Peugeot|Citroen|Fiat|' +
  'Toyota|Honda|Nissan|Mazda|Mitsubishi|Subaru|Suzuki|Hyundai|Kia|Volvo|Saab|Rover|MG Rover|Jaguar|Land Rover|Tata|Tesla|' +
  'EADS|BAE Systems|Rolls-Royce|Lockheed Martin|British Airways|Virgin Atlantic|easyJet|Ryanair|Lufthansa|Air France|' +
  'KLM|Qantas|Emirates|Air Jamaica|United Airlines|American Airlines|Delta Air Lines|Aer Lingus|' +
  'Shell|Royal Dutch Shell|Exxon|ExxonMobil|Chevron|Gazprom|Rosneft|Yukos|Lukoil|Saudi Aramco|' +
  'HSBC|Barclays|Lloyds|Lloyds TSB|NatWest|Royal Bank of Scotland|RBS|HBOS|Halifax|Abbey|Northern Rock|Standard Chartered|' +
  'Goldman Sachs|Morgan Stanley|JP Morgan|Merrill Lynch|Citigroup|Citibank|Lehman Brothers|Deutsche Bank|UBS|Credit Suisse|BNP Paribas|' +
  'Societe Generale|ING|AIG|Aviva|Prudential|Allianz|Axa|Berkshire Hathaway|Enron|WorldCom|Arthur Andersen|Parmalat|' +
  'GlaxoSmithKline|Glaxo|Pfizer|AstraZeneca|Novartis|Merck|Bayer|Sanofi|Johnson & Johnson|Unilever|Procter & Gamble|Nestle|' +
  'Kraft|Coca-Cola|Pepsi|PepsiCo|Cadbury|Cadbury Schweppes|Heinz|Danone|McDonald\'s|Burger King|Starbucks|KFC|' +
  'Tesco|Sainsbury\'s|Sainsbury|Asda|Morrisons|Safeway|Marks & Spencer|Marks and Spencer|Boots|Woolworths|Argos|Debenhams|Dixons|' +
  'Currys|Comet|HMV|Virgin Megastores|John Lewis|Selfridges|Wal-Mart|Walmart|Carrefour|Ikea|Nike|Adidas|Reebok|Puma|' +
  'Gucci|Prada|Burberry|L\'Oreal|Rupert Murdoch\'s News Corp|Reuters Group|Pearson|Reed Elsevier|Trinity Mirror|Daily Mail and General Trust|' +
  'Ladbrokes|William Hill|Coral|Paddy Power|Betfair|Bet365|Bet 365|Bet Direct|Stan James|Totesport|Sky Bet|' +
  'Gizmondo|Tapwave|Plusnet|Wikipedia|Napster|Kazaa|iTunes Store|Blinkx|Copernic|Nielsen//NetRatings|Nielsen|Ofcom|Ofex';

// Awards and prizes.
const AWARDS =
  'Oscar|Oscars|Academy Award|Academy Awards|Grammy|Grammys|Grammy Award|Grammy Awards|Emmy|Emmys|Emmy Award|Emmy Awards|Golden Globe|' +
  'Golden Globes|Bafta|Baftas|Bafta Award|Bafta Awards|BAFTA|BAFTAs|Brit Award|Brit Awards|Brits|Mobo|Mobos|Mobo Awards|Mercury Prize|' +
  'Mercury Music Prize|Ivor Novello|Ivor Novello Awards|Tony Award|Tony Awards|Olivier Award|Olivier Awards|Booker Prize|Man Booker Prize|' +
  'Booker|Whitbread|Whitbread Prize|Costa Book Awards|Orange Prize|Pulitzer|Pulitzer Prize|Nobel Prize|Nobel Peace Prize|Turner Prize|' +
  'Stirling Prize|Palme d\'Or|Golden Bear|Golden Lion|British Comedy Awards|Rose d\'Or|MTV Video Music Awards|' +
  'MTV Europe Music Awards|Ballon d\'Or|Sports Personality of the Year|Victoria Cross|George Cross|Medal of Honor';

// Nationalities and demonyms that the training text has few of (regional, continental, informal, plural).
const DEMONYMS =
  'Africans|Europeans|Asians|Americans|Latin Americans|South Americans|North Americans|Arabs|Scandinavians|Caribbeans|Westerners|' +
  'Britons|Brits|Scots|Scotsman|Scotsmen|Welshman|Welshmen|Englishman|Englishmen|Irishman|Irishmen|Frenchman|Frenchmen|Dutchman|' +
  'Geordie|Geordies|Scouse|Scouser|Scousers|Cockney|Cockneys|Brummie|Brummies|Mancunian|Mancunians|Londoner|Londoners|Glaswegian|' +
  'Glaswegians|Cornish|Aussie|Aussies|Kiwi|Kiwis|Yank|Yanks|Yankee|Canuck|Pom|Poms|Boer|Boers|Afrikaner|Afrikaners|Basque|Basques|' +
  'Catalan|Catalans|Flemish|Walloon|Kurd|Kurds|Kurdish|Pashtun|Tamil|Tamils|Sikh|Sikhs|Hindu|Hindus|Muslim|Muslims|Christian|Christians|' +
  'Jew|Jews|Jewish|Catholic|Catholics|Protestant|Protestants|Sunni|Sunnis|Shia|Shias|Shiite|Shiites|Buddhist|Buddhists';

// Competitions, tournaments, festivals and trade fairs.
const EVENTS =
  'Premiership|Premier League|English Premier League|FA Cup|League Cup|Carling Cup|Worthington Cup|Champions League|Uefa Cup|UEFA Cup|' +
  'Europa League|Cup Winners\' Cup|World Cup|European Championship|European Championships|Euro 2004|Euro 2008|Euro 2000|Copa America|' +
  'African Nations Cup|Scottish Cup|Scottish Premier League|SPL|Scottish League Cup|CIS Cup|Six Nations|RBS Six Nations|Tri-Nations|' +
  'Heineken Cup|Zurich Premiership|Super 12|Super League|Challenge Cup|Powergen Cup|Olympics|Olympic Games|Winter Olympics|Paralympics|' +
  'Commonwealth Games|Asian Games|Australian Open|French Open|US Open|US Masters|Ryder Cup|Solheim Cup|Davis Cup|Fed Cup|' +
  'Tour de France|Giro d\'Italia|Grand National|Cheltenham Festival|Derby Stakes|Melbourne Cup|Formula One|Formula 1|Ashes|' +
  'Super Bowl|World Series|Stanley Cup|Eurovision|Eurovision Song Contest|Glastonbury|Glastonbury Festival|Live Aid|Live 8|' +
  'Edinburgh Festival|Edinburgh Fringe|Cannes Film Festival|Berlin Film Festival|Venice Film Festival|Sundance|Sundance Film Festival|' +
  'Toronto Film Festival|MacWorld|Macworld|CES|Consumer Electronics Show|E3|Cebit|CeBIT|3GSM|Ideal Home Show|Chelsea Flower Show|' +
  // Parliamentary occasions.
  'Prime Minister\'s Questions|PMQs|Queen\'s Speech|State Opening of Parliament';

// Products, product lines, software and platforms named as products.
const PRODUCTS =
  'iPod|iPods|iPod shuffle|iPod mini|iPod nano|iTunes|iMac|iBook|PowerBook|PowerMac|Power Mac|Mac|Macs|Mac mini|Macintosh|Mac OS|Mac OS X|' +
  'Windows|Windows XP|Windows Vista|Windows 95|Windows 98|Windows 2000|Windows Media|Windows Media Player|Longhorn|Linux|Unix|' +
  'Internet Explorer|Firefox|Mozilla Firefox|Netscape Navigator|Safari|Excel|PowerPoint|Google Earth|Gmail|Hotmail|' +
  'MSN Messenger|AOL Instant Messenger|Xbox|Xbox 360|Xbox Live|PlayStation|PlayStation 2|PlayStation 3|PlayStation Portable|PSP|' +
  'GameBoy|Game Boy|GameBoy Advance|Game Boy Advance|Nintendo DS|GameCube|Wii|N-Gage|Walkman|Discman|Blu-ray|HD-DVD|TiVo|' +
  'Prius|Mondeo|Fiesta|Corolla|Beetle|Mini Cooper|Concorde|A380|Boeing 747|Jumbo Jet|Viagra|Prozac|Aspirin|' +
  'Oreo|Kool-Aid|Big Mac|Kit Kat|Mars bar|Lego|Monopoly|Scrabble|Rubik\'s Cube|Barbie';

export const FACT_LISTS: readonly FactList[] = [
  { type: ORG, kind: 'name', names: FOOTBALL_CLUBS_DISTINCT },
  { type: ORG, kind: 'club', names: FOOTBALL_CLUBS_TOWNS },
  { type: ORG, kind: 'name', names: RUGBY_SIDES },
  { type: ORG, kind: 'club', names: RUGBY_TOWNS },
  { type: ORG, kind: 'name', names: BROADCASTERS, broadcaster: true },
  { type: ORG, kind: 'name', names: AGENCIES },
  { type: ORG, kind: 'name', names: PARTIES, party: true },
  { type: ORG, kind: 'name', names: PUBLIC_BODIES },
  { type: ORG, kind: 'name', names: NEWSPAPERS },
  { type: ORG, kind: 'name', names: COMPANIES, models: true },
  { type: MISC, kind: 'name', names: AWARDS },
  { type: MISC, kind: 'name', names: EVENTS },
  { type: MISC, kind: 'name', names: PRODUCTS, models: true },
  { type: MISC, kind: 'name', names: DEMONYMS },
];

/** Words that announce a title of a work right after them (`the film Ray`, `his album How To ...`). */
export const WORK_CUES = new Set([
  'film', 'films', 'movie', 'movies', 'biopic', 'documentary', 'album', 'albums', 'single', 'song', 'songs', 'track', 'hit', 'ballad',
  'anthem', 'ep', 'show', 'series', 'sitcom', 'sitcoms', 'drama', 'soap', 'programme', 'programmes', 'serial', 'novel', 'novels', 'book',
  'memoir', 'autobiography', 'musical', 'opera', 'comedy', 'thriller', 'blockbuster', 'sequel', 'cartoon', 'titled', 'entitled',
]);

/** Cue words that only announce a work after an article, a possessive or a describing word (`the hit Toxic`, not `hit Leeds`). */
export const WEAK_WORK_CUES = new Set(['hit', 'single', 'show', 'comedy', 'drama', 'track', 'book']);

/** Words before a weak cue that make it one (`the`, `his`, `new`, `cult`, ``cult`). */
export const WORK_CUE_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'whose', 'new', 'latest', 'debut', 'hit', 'cult', 'classic', 'comedy', 'tv', 'television', 'radio', 'stage', 'award-winning', 'acclaimed', "'s"]);

/** Words that are no name alone, whatever their capitals: generic technology words and diseases (the news guidelines). */
export const NOT_NAMES = new Set(['tv', 'pc', 'pcs', 'dvd', 'dvds', 'cd', 'cds', 'sms', 'mp3', 'mbps', 'kbps', 'gps', 'aids', 'hiv', 'sars']);

/** Holidays and periods, which the news guidelines leave to the dates (`Boxing Day`, `New Year`), as lower-case words. */
export const HOLIDAYS = new Set(['christmas', 'christmas day', 'christmas eve', 'boxing day', 'new year', "new year 's day", "new year 's eve", 'easter', 'easter sunday', 'easter monday', 'good friday', 'ramadan', 'thanksgiving', 'halloween', 'hanukkah', 'diwali', 'eid']);

/** Roles a party's member is named by after the party (`Tory MP`, `Labour councillors`): not part of the name. */
export const PARTY_ROLES = new Set(['mp', 'mps', 'mep', 'meps', 'msp', 'msps', 'am', 'ams', 'peer', 'peers', 'councillor', 'councillors', 'candidate', 'candidates', 'leader', 'activists', 'voters']);

/** Lines a web page saves around an article (menus, buttons, advertising labels), never names. */
export const SITE_FURNITURE = new Set(['advertisement', 'advertising', 'sponsored', 'tt', 'share', 'share this', 'skip to content', 'skip to main content', 'image caption', 'media caption', 'related topics', 'more on this story', 'top stories', 'read more', 'sign up', 'subscribe', 'menu', 'search', 'close', 'print', 'email', 'comments']);

/** A name's words as the tokenizer splits them: at spaces, before `'s`, around `/`, `&`, `!`, `?`, `,` and `:`. */
export function splitName(name: string): string[] {
  return name
    .replace(/'s\b/g, " 's")
    .replace(/([/&!?,:])/g, ' $1 ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

let gazetteer: Gazetteer | null = null;

/**
 * Every fact but the clubs named after towns as a gazetteer by type, for the tagger's facts
 * feature (features.ts): the model learns on CoNLL how much a match says in each context. Built on first use.
 */
export function factsGazetteer(): Gazetteer {
  if (gazetteer) return gazetteer;
  const g = new Gazetteer();
  // Clubs named after their town are left out: as a feature they would call every `in Leeds` a club.
  for (const list of FACT_LISTS) for (const name of list.kind === 'club' ? [] : list.names.split('|')) {
    const words = splitName(name);
    if (words.length) g.add(words, list.type);
  }
  gazetteer = g;
  return g;
}
