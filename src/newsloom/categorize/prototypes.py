"""Hand-written prototypes of every category: what a classifier knows before it sees any data.

Each category has a description, example headlines (fictional, written for newsloom, spread over
countries and sub-topics so that no one outlet's style dominates) and keyword stems for the
lexical model. "general" holds what no topic owns: crime, accidents, local life, human interest.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prototype:
    slug: str
    description: str
    headlines: tuple[str, ...]
    # "|"-separated lower-case stems matching words that start with them; "stem=" matches a whole word.
    keywords: str


PROTOTYPES: tuple[Prototype, ...] = (
    Prototype(
        "world",
        "International news: wars, conflicts, diplomacy, foreign governments, refugees, "
        "summits and relations between countries.",
        (
            "Ceasefire collapses as shelling resumes along the northern border",
            "Foreign ministers meet in Geneva to revive stalled peace talks",
            "UN Security Council calls emergency session over rebel offensive",
            "Thousands flee across the border as fighting spreads to the capital",
            "Embassy staff evacuated after protesters storm compound",
            "Military junta dissolves parliament and declares state of emergency",
            "Talks on prisoner exchange resume between the two neighbours",
            "Aid convoy reaches besieged city after weeks of blockade",
            "President visits Beijing in first state trip in a decade",
            "NATO allies pledge more air defence systems to eastern members",
            "Coup leaders detain prime minister in overnight takeover",
            "Drone strike kills militant commander, army says",
            "Opposition leader flees abroad as crackdown widens",
            "Migrant boat capsizes in the Mediterranean, dozens missing",
            "European Union imposes new sanctions over the invasion",
            "Hostages freed after mediation by Gulf states",
            "Tensions rise in the South China Sea after naval standoff",
            "Foreign troops begin withdrawal after twenty-year deployment",
            "Earthquake aid pours in from abroad as death toll rises in the region",
            "Kremlin rejects accusations over poisoning of dissident",
            "Rebels seize key port city in the north of the country",
            "Refugee camps overwhelmed as humanitarian crisis deepens",
            "Ambassador summoned after diplomatic row over spy arrests",
            "African Union sends mediators to end border clashes",
            "Foreign secretary condemns execution of aid worker abroad",
            "Two countries restore diplomatic ties after years of hostility",
            "Gunmen kidnap foreign engineers in oil-rich delta",
            "Protests topple government as army refuses to fire on crowds",
            "Nuclear talks with Tehran end without agreement",
            "Peacekeepers accused of abuses in war-torn province",
            "Exiled leader returns home to cheering supporters",
            "Suicide bombing kills dozens at market in the capital",
            "Election in neighbouring country marred by violence and fraud claims",
            "Rival factions sign power-sharing deal after civil war",
            "Pope calls for end to violence during visit to conflict zone",
            "Separatists declare independence as central government sends troops",
            "Ferry sinks off island coast with hundreds feared dead",
            "Earthquake flattens villages in remote mountain province",
            "Plane carrying foreign tourists crashes in jungle, killing 12",
            "Floods in South Asia leave millions homeless",
            # A disaster's toll (the dead, the evacuated, relief) is news of the place it struck,
            # as an editor files it: here, not under climate, which keeps the weather itself
            # (forecasts, records, trends). A tsunami is not weather at all.
            "Cyclone makes landfall, forcing mass evacuations",
            "Tsunami warning issued after undersea earthquake",
        ),
        (
            "war=|wars=|warfare|wartime|ceasefire|troops|militar|army|rebel|militant|invasion|"
            "diplomat|embassy|ambassador|foreign minister|united nations|un=|nato|sanction|"
            "refugee|humanitarian|peace talks|border|insurgen|airstrike|air strike|missile|"
            "hostage|junta|coup=|coups=|summit|kremlin|beijing|moscow|kyiv|ukrain|russia|gaza|"
            "israel|iran|syria|afghan|taliban|north korea|china|european union|occupied|shelling|"
            "genocide|asylum|migrant|bilateral"
        ),
    ),
    Prototype(
        "politics",
        "Domestic politics: governments, elections, parliaments, political parties, "
        "ministers, legislation, campaigns and public policy.",
        (
            "Prime minister faces backbench revolt over welfare cuts",
            "Senate passes spending bill hours before shutdown deadline",
            "Opposition leader unveils manifesto ahead of general election",
            "Polls show tight race as campaign enters final week",
            "Chancellor defends budget plans in heated Commons debate",
            "Governor signs controversial voting law after legislature vote",
            "Cabinet minister resigns after expenses row",
            "Party conference backs plan to scrap tuition fees",
            "Voters head to the polls in crucial by-election",
            "Coalition talks stall as junior partner demands more seats",
            "Lawmakers approve immigration bill after months of wrangling",
            "White House and Congress reach deal on debt ceiling",
            "Home secretary announces review of police powers",
            "Labour and Conservatives clash over NHS funding pledges",
            "Mayor announces bid for party leadership",
            "Supreme Court ruling reshapes electoral districts",
            "Government defeated in parliament vote on asylum rules",
            "Election commission orders recount in disputed constituency",
            "Ministers accused of breaking lobbying rules",
            "Democrats and Republicans trade blame over stalled reforms",
            "New party leader promises to win back lost voters",
            "Referendum on electoral reform set for spring",
            "Premier reshuffles cabinet after poor local election results",
            "Parliament committee demands answers over leaked memo",
            "Home office plans tougher rules on visas and immigration",
            "MPs vote on new anti-terror powers after fierce debate",
            "Government unveils plan for identity cards",
            "Councils warn of cuts to local services as funding falls",
            "Public inquiry into minister's handling of contracts opens",
            "Ministers promise smaller classes in education shake-up",
            "Tax rise on the table as government drafts spending plans",
            "Party donor row deepens as leader refuses to answer questions",
            "Senator announces presidential run",
            "Justice secretary backs overhaul of sentencing rules",
            "Welfare reform bill clears final hurdle in upper house",
            "Former leader endorses rival in party leadership contest",
        ),
        (
            "election|elector|vote|voter|ballot|poll=|polls=|polling|parliament|senate|congress|"
            "lawmaker|legislat|minister|cabinet|government|mp=|mps=|party|parties|labour|tory|"
            "tories|conservative|liberal democrat|democrat|republican|campaign|manifesto|"
            "referendum|governor|mayor|white house|downing street|commons|lords|chancellor|"
            "opposition|coalition|constituenc|bill=|bills=|policy|reshuffle|prime minister|"
            "president|politic|impeach"
        ),
    ),
    Prototype(
        "business",
        "Business and the economy: companies, earnings, markets, shares, banks, trade, "
        "inflation, interest rates, jobs, prices and deals.",
        (
            "Shares slide as carmaker cuts profit forecast",
            "Central bank raises interest rates to curb inflation",
            "Retailer to close 80 stores and cut 2,000 jobs",
            "Airline reports record quarterly profit on strong travel demand",
            "Oil prices jump after producers agree output cut",
            "Merger talks between two largest brewers collapse",
            "Unemployment falls to lowest level in five years",
            "Stock markets rally as trade tensions ease",
            "Steelmaker seeks buyer as losses mount",
            "Inflation eases for third month as fuel costs fall",
            "Bank fined for failing to stop money laundering",
            "Supermarket chain agrees takeover by private equity firm",
            "Economy shrinks unexpectedly, raising recession fears",
            "House prices rise at fastest pace in two years",
            "Dollar weakens as investors bet on rate cuts",
            "Pension fund sues former executives over losses",
            "Factory output falls as export orders dry up",
            "Shipping company posts loss as freight rates tumble",
            "Consumer spending slows ahead of holiday season",
            "Chief executive steps down after accounting scandal",
            "Trade deficit widens as imports surge",
            "Insurer to buy rival in multibillion-dollar deal",
            "Workers at car plant vote to strike over pay",
            "Small businesses struggle with soaring energy bills",
            "Finance ministers clash over budget deficit rules",
            "IMF cuts global growth forecast amid trade war",
            "Drugmaker shares plunge after trial failure",
            "Telecoms giant agrees merger with rival operator",
            "Executive pleads guilty in bribery case at insurance firm",
            "Government to raise taxes on fuel and tobacco in budget",
            "Media group sells film division to focus on cinemas",
            "Gold price hits six-month high as investors seek safety",
            "Carmaker recalls 500,000 vehicles over brake fault",
            "Budget airline orders 100 new jets",
            "Mining company ordered to pay compensation to landowners",
            "Exports boost growth as weaker currency helps manufacturers",
            "Startup valued at $2bn after new funding round",
            "Online sales lift department store chain back to profit",
            "Landlords raise rents as mortgage costs climb",
            "Workers' pay rises faster than prices for first time in two years",
            "Brewer's profits fall as drinkers cut back",
            "Tax authority targets offshore accounts of wealthy savers",
        ),
        (
            "econom|market|share|stock|investor|profit|revenue|earning|sales|firm|company|"
            "companies|bank|inflation|interest rate|recession|gdp|growth|trade|export|import|"
            "tariff|price|job|unemploy|wage|retail|takeover|merger|acquisition|deal|"
            "chief executive|ceo|shareholder|dividend|bond=|bonds=|currency|dollar|euro=|euros=|"
            "eurozone|oil price|industry|factory|consumer|budget deficit|debt|bankrupt|billion"
        ),
    ),
    Prototype(
        "technology",
        "Technology: computers, software, the internet, smartphones, social media, "
        "artificial intelligence, video games, cybersecurity and tech companies.",
        (
            "New smartphone features foldable screen and longer battery life",
            "Hackers steal customer data in major cyber attack",
            "AI chatbot can now write and debug computer code",
            "Social media platform bans political adverts",
            "Chipmaker unveils faster processor for laptops",
            "Games console sales beat expectations over holidays",
            "Broadband speeds to double under fibre rollout",
            "Regulators probe search giant over app store rules",
            "Start-up raises funds for self-driving delivery robots",
            "Software update fixes security flaw in millions of routers",
            "Online retailer trials drone deliveries",
            "Music streaming service adds high-resolution audio",
            "Virus spreads through email attachments, experts warn",
            "Tech firm unveils virtual reality headset",
            "Users report outage as messaging app goes down worldwide",
            "Spam and phishing emails rise sharply, security firm says",
            "Open-source project releases new version of operating system",
            "Electric carmaker updates autopilot software",
            "Video game publisher delays blockbuster title",
            "Mobile operators begin switching on 5G networks",
            "Data centre demand soars as companies adopt machine learning",
            "Website blocks bots after flood of fake accounts",
            "Digital camera makers battle camera phones",
            "Researchers build quantum computer with more qubits",
            "High-definition discs battle to replace DVD",
            "Biometric passports to use fingerprints and face scans",
            "Privacy campaigners criticise new facial recognition cameras",
            "Bitcoin price swings after exchange is hacked",
            "Review: the budget tablet that punches above its weight",
            "Podcasting and blogging grow as people create their own media",
            "Digital TV recorders let viewers skip adverts",
            "Satellite internet service launches for rural homes",
            "Wearable fitness trackers gain heart monitoring features",
            "File-sharing network sued by music industry",
            "Government website crashes under demand on launch day",
            "Tech giant faces fine over use of customers' personal data",
        ),
        (
            "technolog|tech=|software|hardware|computer|comput|internet|online|web=|website|"
            "website|digital|smartphone|phone|mobile|app=|apps=|gadget|device|laptop|chip=|"
            "chips=|chipmaker|processor|semiconductor|artificial intelligence|ai=|algorithm|"
            "robot|cyber|hacker|hack|malware|virus|spam|phishing|data|broadband|wi-fi|wifi|"
            "network|social media|google|microsoft|apple|facebook|amazon|video game|gaming|"
            "console|download|user|search engine|email|e-mail|silicon|startup|start-up|"
            "encryption|cloud computing"
        ),
    ),
    Prototype(
        "science",
        "Science: research and discoveries, space exploration, astronomy, physics, "
        "biology, archaeology, fossils and animals in the natural world.",
        (
            "Astronomers detect water vapour on distant exoplanet",
            "Fossil of giant sea reptile found on coastal cliff",
            "Space probe sends back first images of icy moon",
            "Physicists measure particle mass with record precision",
            "Ancient burial site reveals Bronze Age trading links",
            "New species of frog discovered in cloud forest",
            "Rocket launch carries crew to the space station",
            "Study finds crows can plan for the future",
            "Telescope captures light from the early universe",
            "Genome study traces origins of domesticated horses",
            "Scientists map the brain of a fruit fly neuron by neuron",
            "Mars rover finds traces of ancient lake bed",
            "Researchers create material harder than diamond",
            "Asteroid to pass close to Earth next month",
            "Archaeologists uncover Roman villa under car park",
            "Deep-sea expedition films never-before-seen creatures",
            "Solar eclipse draws crowds of sky-watchers",
            "Experiment confirms prediction of general relativity",
            "Dinosaur footprints found after storm washes away sand",
            "Lunar lander touches down near the moon's south pole",
            "Bees use numbers to find food, study suggests",
            "Chemists turn waste plastic into fuel in the lab",
            "Mathematicians solve decades-old puzzle",
            "Gravitational waves detected from colliding black holes",
            "Meteor lights up night sky across the region",
            "Scientists clone endangered animal from frozen cells",
            "Ice core reveals the climate of 800,000 years ago",
            "Volcano eruption studied by geologists using drones",
            "Ancient DNA rewrites story of early human migration",
            "Comet will be visible to the naked eye next week",
            "Whales communicate across oceans, research shows",
            "Particle collider restarts after two-year upgrade",
            "Evolution of flight traced in feathered fossils",
            "Private company tests reusable rocket booster",
        ),
        (
            "scien|research|study|studies|discover|experiment|laborator|space|nasa|astronom|"
            "telescope|planet|galax|universe|orbit|rocket|satellite|moon|mars=|asteroid|comet|"
            "physic|particle|quantum|chemist|biolog|species|evolution|fossil|dinosaur|archaeolog|"
            "ancient|genome|gene=|genes=|genetic|dna|professor|university|mathemati|specimen|"
            "neuron|astronaut|spacecraft"
        ),
    ),
    Prototype(
        "health",
        "Health and medicine: diseases, hospitals, doctors, vaccines, drugs, public health, "
        "mental health, nutrition and wellbeing.",
        (
            "Hospital waiting lists hit record high",
            "Measles cases rise as vaccination rates fall",
            "New drug slows progression of Alzheimer's disease in trial",
            "Doctors warn of surge in flu admissions this winter",
            "Daily walk cuts risk of heart disease, study finds",
            "Health officials confirm outbreak of bird flu on farm",
            "Nurses stage walkout over staffing levels",
            "Cancer screening programme extended to younger women",
            "Sugar tax linked to fall in childhood obesity",
            "Mental health services for teenagers stretched to breaking point",
            "Regulator approves first gene therapy for sickle cell",
            "Pandemic preparedness plan criticised as inadequate",
            "Ambulance response times worsen across the country",
            "Experts urge caution over weight-loss injections",
            "Smoking rates fall to new low among adults",
            "Malaria vaccine rollout begins in three countries",
            "Surgeons perform first womb transplant",
            "Poor sleep linked to higher risk of dementia",
            "Antibiotic resistance threatens routine operations, report warns",
            "Clinic offers free testing after hepatitis cluster",
            "Drug prices to be capped for older patients",
            "Air pollution tied to asthma in children",
            "Care homes face staff shortage as demand grows",
            "Health minister promises to cut GP waiting times",
            "Drink-drive deaths could be cut by lower limit, report says",
            "Free personal care for the elderly costs more than planned",
            "Hospital superbug infections rise in wards",
            "Teen vaping rates alarm doctors",
            "Blood test could spot cancer years earlier",
            "Baby formula shortage worries parents",
            "Salt in ready meals still too high, campaigners say",
            "Patients wait hours in corridors as A&E struggles",
            "Organ donation rules change to opt-out system",
            "Virus variant spreads as hospital admissions climb",
        ),
        (
            "health|hospital|patient|doctor|nurse|medic|medicine|disease|illness|infection|virus|"
            "vaccin|jab|outbreak|pandemic|epidemic|cancer|tumour|tumor|heart|stroke|diabet|"
            "obesity|dementia|alzheimer|mental health|depression|anxiety|nhs|clinic|surgery|"
            "surgeon|drug|treatment|therapy|symptom|diagnos|covid|flu=|influenza|measles|malaria|"
            "hiv|aids|nutrition|diet|calorie|wellbeing|fitness|pharmac|gp=|care home|ambulance"
        ),
    ),
    Prototype(
        "sports",
        "Sports: matches, tournaments, teams, players, coaches, transfers, scores, "
        "championships, the Olympics and athletes.",
        (
            "Late penalty hands United dramatic derby win",
            "Champion through to Wimbledon semi-finals in straight sets",
            "Striker signs four-year deal after record transfer",
            "Coach sacked after team slips into relegation zone",
            "Sprinter breaks world record at Diamond League meeting",
            "England name squad for World Cup qualifiers",
            "Driver takes pole position for Grand Prix",
            "Home side clinch series with seven-wicket victory",
            "Quarterback leads comeback to reach Super Bowl",
            "Golfer wins first major with birdie on final hole",
            "Injured captain ruled out for rest of the season",
            "Boxer retains heavyweight title on points",
            "Cyclist takes yellow jersey after mountain stage",
            "Rugby side names new head coach ahead of Six Nations",
            "Marathon runner sets course record",
            "Athlete banned for four years after failed doping test",
            "Club confirms manager will leave at the end of the season",
            "Swimmer wins third Olympic gold",
            "Basketball star scores 50 points in playoff win",
            "Fans celebrate as club wins first league title in 40 years",
            "Goalkeeper saves two penalties in shoot-out",
            "Tennis star withdraws from Open with wrist injury",
            "Cricket board appoints new national selector",
            "Midfielder suffers hamstring injury in cup tie",
            "Defending champions knocked out in first round",
            "Captain hits century as tourists take control of Test",
            "Manager fined for comments about referee",
            "Jockey rides Derby winner at 25-1",
            "Skier claims World Cup downhill title",
            "Club owner puts team up for sale",
            "Fly-half kicks late drop goal to win international",
            "Team relegated after final-day defeat",
            "Veteran forward retires after 20-year career",
            "Marathon world champion pulls out of London race",
        ),
        (
            "sport|match|game=|team|player|coach|manager|season|league|cup|championship|champion|"
            "tournament|final=|finals=|semi-final|quarter-final|goal|score|striker|midfielder|"
            "defender|goalkeeper|penalty|transfer|club|squad|football|soccer|rugby|cricket|"
            "tennis|golf|boxing|athlet|olympic|medal|race|racing|grand prix|formula one|cycling|"
            "nba|nfl|baseball|basketball|hockey|wicket|innings|wimbledon|fifa|uefa|"
            "premier league|marathon|sprint|doping|stadium|fans|win=|victory|defeat"
        ),
    ),
    Prototype(
        "entertainment",
        "Entertainment and culture: films, music, television, celebrities, books, theatre, "
        "art, awards, festivals and fashion.",
        (
            "Blockbuster sequel tops box office on opening weekend",
            "Singer announces world tour and new album",
            "Drama series leads nominations for television awards",
            "Veteran actor wins best actor Oscar",
            "Band reunites for one-off charity concert",
            "Novel about family secrets wins literary prize",
            "Streaming hit renewed for a second season",
            "Director's new film premieres at Cannes festival",
            "Pop star tops the charts for sixth week",
            "West End musical extends run after sell-out shows",
            "Comedian to host awards ceremony",
            "Museum unveils exhibition of modernist paintings",
            "Reality show contestant crowned winner in final",
            "Rapper cancels gig over ticket pricing row",
            "Film studio plans remake of classic horror movie",
            "Author's memoir becomes bestseller",
            "Soap star leaves long-running series",
            "Festival line-up announced with three headliners",
            "Celebrity couple announce engagement",
            "Critics hail new production of Shakespeare play",
            "Fashion week opens with bold designs from young designers",
            "Animated film breaks record for a family movie",
            "Documentary on rock legend wins Grammy",
            "TV presenter signs new deal with broadcaster",
            "Veteran actor dies aged 87",
            "Ballet star remembered as legend of the stage",
            "Pop singer jailed after concert brawl",
            "Talent show final watched by 12 million viewers",
            "Radio host quits breakfast show after 15 years",
            "Rock band accused of copying famous riff",
            "Charity single goes straight to number one",
            "Hollywood studio announces superhero film slate",
            "Star's trial hears evidence from former manager",
            "Video game adaptation tops streaming charts",
            "Artist's sculpture sells for record price at auction",
            "Sitcom returns for Christmas special",
        ),
        (
            "film|movie|cinema|box office|actor|actress|director|oscar|academy award|bafta|emmy|"
            "grammy|golden globe|award|music|album|song|singer|band=|bands=|concert|tour=|tours=|"
            "chart|pop=|rock=|rapper|festival|television|tv=|series|sitcom|drama|star=|stars=|"
            "celebrit|hollywood|bollywood|book=|books=|novel|author|poet|theatre|theater|musical|"
            "play=|comedian|comedy|art=|artist|painting|museum|gallery|exhibition|fashion|"
            "premiere|studio|streaming|netflix|broadcaster|soap|sequel"
        ),
    ),
    Prototype(
        "climate",
        "Climate and environment: climate change, emissions, renewable energy, pollution, "
        "wildlife conservation, floods, droughts, heatwaves, wildfires and extreme weather.",
        (
            "Global temperatures hit record high for third year running",
            "Countries agree to cut methane emissions at climate summit",
            "Wind farm to power a million homes",
            "Heatwave triggers wildfires across the south",
            "Floods force thousands from homes after record rainfall",
            "Arctic sea ice shrinks to second-lowest extent",
            "Coal plant to close early as solar power expands",
            "Drought leaves reservoirs at historic lows",
            "Plastic pollution found in deepest ocean trench",
            "Coral reef suffers mass bleaching as seas warm",
            "Carbon tax plan divides industry leaders",
            "Storm brings hurricane-force winds to the coast",
            "Electric vehicle sales surge as petrol ban nears",
            "Rainforest destruction slows for the first time in years",
            "River sewage spills prompt calls for action",
            "Glaciers melting faster than expected, study warns",
            "Campaigners protest new oil field licences",
            "Endangered tigers return to national park",
            "Net zero target pushed back by five years",
            "Heat pumps to replace gas boilers in new homes",
            "Smog alert as air quality plunges in the capital",
            "Sea level rise threatens island nations",
            "Tree planting scheme aims to restore lost woodland",
            "Forecasters warn of snow and ice disruption",
            "Housing development threatens protected wetlands, campaigners warn",
            "Farmers face ruin as drought destroys crops",
            "Government misses target to cut greenhouse gas emissions",
            "Bird populations in steep decline, survey finds",
            "Offshore wind auction draws record bids",
            "Beach clean-up removes tonnes of plastic waste",
            "Ban on single-use plastics comes into force",
            "Tropical forests turning from carbon sink to source",
        ),
        (
            "climate|carbon|emission|greenhouse|global warming|warming|fossil fuel|coal|"
            "renewable|solar|wind farm|wind power|net zero|environment|pollution|polluti|plastic|"
            "recycl|deforest|rainforest|biodiversity|conservation|endangered|wildlife|species|"
            "flood|drought|heatwave|wildfire|hurricane|storm|cyclone|typhoon|weather|rainfall|"
            "temperature|glacier|sea ice|sea level|ocean|coral|methane|sustainab|green energy|"
            "electric vehicle|heat pump|air quality|sewage"
        ),
    ),
    Prototype(
        "general",
        "General and local news: crime, police, courts, accidents, fires, transport, "
        "schools, religion, royals, obituaries and human-interest stories.",
        (
            "Man charged with murder after stabbing in city centre",
            "Police appeal for witnesses after hit-and-run",
            "Two injured as fire tears through apartment block",
            "Train services cancelled after signal failure",
            "Court jails gang for armed robbery spree",
            "School to reopen after heating repairs",
            "Missing hiker found safe after two-day search",
            "Bus crash on motorway leaves several injured",
            "Royal couple visit children's hospice",
            "Local bakery celebrates 100 years in business",
            "Dog reunited with owner after five years",
            "Judge orders retrial in fraud case",
            "Teenager rescued from river by passers-by",
            "Church bells ring again after restoration",
            "Residents angry over closure of village post office",
            "Funeral held for former town mayor",
            "Lottery winner donates prize to charity",
            "Road closed for weeks after sinkhole opens",
            "Woman jailed for stealing from elderly neighbours",
            "Police investigate vandalism at war memorial",
            "Gas explosion destroys terraced house",
            "Inquest hears of failings before patient's death in custody",
            "Town celebrates centenary with street parade",
            "Pet rescue centre appeals for volunteers",
        ),
        (
            "police|arrest|charged|murder|stabb|shooting|robbery|theft|court|judge|jury|trial|"
            "sentenced|jailed|prison|crash|accident|fire=|firefighter|rescue|missing|school|"
            "pupils|teacher|church|funeral|obituar|died aged|royal|queen|king=|prince|princess|"
            "charity|village|residents|neighbour|train=|trains=|railway|motorway|traffic"
        ),
    ),
)
