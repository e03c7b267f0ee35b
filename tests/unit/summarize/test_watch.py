import pytest

from newsloom.summarize import ExtractiveSummarizer
from newsloom.summarize.watch import (
    commentary,
    due_soon,
    open_question,
    points_back,
    private_voice,
    quotes_someone,
    says_effect,
    says_future,
    what_to_watch,
)

from .fictional_stories import T0, article

# Sentences written for these tests; none comes from an evaluation set.


@pytest.mark.parametrize(
    "sentence",
    [
        # A scheduled step, a time still to come.
        "The council will vote on the ring road plan next Tuesday.",
        "Work on the second pier is due to begin in the spring.",
        "Parking on the quay stays banned until the harbour wall is repaired.",
        # Effects on people, said as such.
        "Tenants in the two towers face higher rents from April.",
        "Residents of Lower Farley are advised to boil tap water.",
        "Ferry services to the island remain suspended.",
        "Residents who felt the tremor are asked to report cracks in their walls.",
        "The farm welcomes pickers at weekends but asks visitors not to climb the dyke.",
        "Children under five are most at risk from the fumes.",
        # An apostrophe is no quotation.
        "The players' union will meet the league's directors on Friday.",
        # French: a plan, an invitation.
        "La mairie prévoit de rouvrir la piscine au mois de juin.",
        "Les parents sont invités à une réunion à l'école jeudi soir.",
    ],
)
def test_a_next_step_or_an_effect_said_as_such_is_plainly_what_to_watch(sentence: str) -> None:
    assert what_to_watch(sentence) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        # A step only reported, a pending process.
        "The ferry company said it would refund every cancelled crossing.",
        "The transport ministry has opened an inquiry into the derailment.",
        # A possibility someone holds, or tied to something a reader can check.
        "Economists warned that the mill's closure could cost the valley 600 jobs.",
        "A strike could be called within a fortnight of the result.",
        "Keeping the old bridge open may mean tolls for lorries.",
        # An expectation someone holds, people watching.
        "Grain traders said they expected the ban to lift prices through the winter.",
        "Other harbour towns are watching closely.",
        # A figure someone expects.
        "The ferry operator expects about 900 passengers a day in the summer months.",
        "The organisers expect 12,000 runners on the day.",
    ],
)
def test_a_reported_step_a_pending_process_or_a_held_possibility_is_what_to_watch(
    sentence: str,
) -> None:
    assert what_to_watch(sentence) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        # The writer's speculation, held by nobody and tied to nothing a reader can check.
        "Winning back the town's trust may matter more than the money.",
        "Some listeners will find the second half of the album slow.",
        "Few clubs could match that run.",
        "The question for the new season is not whether the side will score, but how often.",
        # Somebody's view or a judgement of the event.
        "Local traders argue that the market should stay where it is.",
        "Gallery owner Pim Sollis said she thought the new wing was too dark.",
        "Reviewers praised the choir's new season and its young soloists.",
        # What already happened: background, a scene, a past inability or a past span.
        "The bridge was built in 1932 by a firm from the coast.",
        "A treaty in 1998 collapsed over how much grain each port could ship.",
        "The fire brigade could not say what started the blaze.",
        "Forecasters had expected the storm to miss the town.",
        "Nobody in the square expected the choir to win, but that is what it did.",
        "A collection for the flooded school raised 3,000 crowns in two days.",
        "Children waved flags from the windows of the old mill.",
        "Neighbours reported hearing a loud bang before the roof fell.",
        "The orchestra was named best ensemble by Northern Music Review.",
        "The 1994 song by Will Harrow played as the teams came out.",
        # A quotation, in any marks.
        "'We will rebuild the bridge by winter,' the mayor told the crowd.",
        'The mayor said: "We will rebuild the bridge by winter."',
        "« Nous reconstruirons le pont avant l'hiver », a déclaré le maire.",
        # A demonstrative or a "Nor" leaning on the sentence before.
        "For families on the estate, that could mean cheaper heating by next winter.",
        "The regulator will want to see that in next spring's accounts, not just hear it.",
        "Two walkers survived that climb, which remains under investigation.",
        "Nor will the ferry run on Sundays, the operator says.",
        # One member of the public on their own life.
        "Retiree Edda Voss said she would keep swimming at the lido because her sister lives there.",
        "Lena Marsh, a mother of three, said her sons will walk to the new school in September.",
        # The writer reading the event as a sign, or playing out a scenario.
        "The closure underscores how fragile the valley has become, and more jobs may go.",
        "Worst case, the pier will have to close for a second winter.",
        # What someone once said they would do, or vowed in the past.
        "The coach once said he would retire when the club won the league.",
        "The city has in the past vowed to rebuild the pier within a year.",
        # A refusal to comment: the pending matter is why nothing was said.
        "The operator declined to comment on the pending lawsuit.",
        "The bank said it was aware of the complaints but refused to comment while the inquiry"
        " continues.",
        # Every refusal nocomment.REFUSAL reads: an unanswered request, a source not reached.
        "The operator did not immediately respond to questions about the pending lawsuit.",
        "The operator could not be reached for comment on the pending lawsuit.",
        # A future seen from the past.
        "The brothers were both going to Farley on the night train.",
        "The ferry was scheduled to leave at 9 pm and sailed an hour late.",
        # What a thing can do is what it is; what can be seen, a scene; "can't", an inability.
        "The new ferry, which can carry 400 cars, entered service on Monday.",
        "The wreck can be seen from the cliff path, 2 kilometres north of the town.",
        "Coastguards can't say whether 2 more boats were involved.",
        # A possibility held before the event ("had been warned").
        "She sailed in a boat that she had been warned might leak.",
        # "Later in the" match of a past narrative.
        "Hale scored twice more later in the match, the second from 25 metres.",
        # A decision made, not one to come.
        "The app decides you might like a song and plays it.",
        # The month, a journey, a name.
        "In May, 12 fishermen were fined for using illegal nets.",
        "The club stood one win short of reaching the final in 1998.",
        "The Rovers took game five, edging within one win of the Silver Shield.",
        # "Deadline" with a capital is a name; "deadlines" a habit.
        "The actor told Deadline that the stunt had been his own idea.",
        "The builder has a long record of missing its deadlines.",
        # Pledging allegiance declares a side; a trial someone faced or stood has been held.
        "The militia pledged allegiance to the rebel council in 2014.",
        "Since his arrest, the former mayor has faced trial on three counts of fraud.",
        "Only two of the eleven men stood trial in the end.",
        # A possibility of the past, in a modal with "have" and a participle.
        "The harbour master said the storm could have torn the ferry from its moorings.",
        # What is generally so.
        "Ferry crews regularly work twelve-hour shifts and may miss 2 meals a day.",
        "Tides will not always leave the causeway dry at noon.",
        # An aside that qualifies what came before.
        "Not that the first visitors will be able to climb the tower.",
        # Somebody's own words without quotation marks: the first person.
        "Later this month, we're adding night crossings for cyclists.",
        "I think the council will have to find the money somewhere.",
        # Background dated at its opening: a process or a possibility of that date.
        "In March, four trawlers were seized as part of another inquiry into the quotas.",
        "Last year, the harbour board said that ferries should pay higher dues.",
        # A source described by what they know.
        "The hostages were freed before dawn, a source close to the negotiations said.",
        # A first plan the sentence itself tells was replaced.
        "Initially the operator said the timetable would change in May, but now says it applies"
        " at once.",
        # A reproach: what someone should be doing.
        "Even now, the mayor should be using his visit to the port to press for a deal.",
        # A process held or ended.
        "The two ports last held formal talks in 2019 to settle the dispute.",
        "The regulator concluded its review of the ferry fares in March.",
        # A relative of someone in the news, on their hopes.
        "Jon Brekke, whose cousin was on the trawler, said he hoped more crew could be found.",
        # An aim that describes a thing, and a bare participle beside a past future.
        "A walker got the first look at the new ferry she hopes to sail to the island.",
        "The balloon was projected to drift east, with the basket expected to land near Farley.",
    ],
)
def test_speculation_opinion_background_and_quotations_are_not_what_to_watch(
    sentence: str,
) -> None:
    assert what_to_watch(sentence) == 0


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        # "That" opening a clause of its own points at nothing.
        ("The council said that fares will rise next year.", 2),
        ("Engineers fitted a pump that will drain the tunnel by Friday.", 2),
        ("The flood authority expects to install 300 sensors this year.", 2),
        # Groups and officials speak of what the news means for others.
        ("Councillor Anna Reyes said she would ask the city to find a new tenant.", 1),
        ("Shop owners said they expected the closure to hurt trade for months.", 1),
        # What the refusal leaves is still news; a past plan beside a future one.
        ("The board said it would review the offer, and declined to comment until then.", 1),
        ("The harbour bus, which was scheduled to stop in May, will run until the autumn.", 2),
        ("The mill is going to close in March.", 2),
        ("The tribunal decides on the licence in June.", 1),
        ("The ministry will decide on the licence later in the year.", 2),
        ("The harbour master has warned that the quay might flood 3 times this winter.", 1),
        ("The council said the sea wall can be rebuilt within a year.", 1),
        ("Trawler crews may lose 2,000 crowns a week in lost catches.", 1),
        # An inquiry under way said with its verb.
        ("The collapse of the pier is being investigated by the safety regulator.", 1),
        ("Harbour police are investigating the fire at the boatyard.", 1),
        # Kept beside the new rules: a future at a dated opening, a source's forecast, a
        # "deadline" in lower case, an obligation ahead, the country "US", a future said as such.
        ("In May, the court will rule on the harbour appeal.", 2),
        ("A source close to the talks said a deal could be reached within 2 days.", 1),
        ("The deadline for objections to the wind farm is next Friday.", 2),
        ("The ferry may have to stop running in January, the operator said.", 1),
        ("The US will lift its tariffs on Veland steel in June.", 2),
        ("The company hopes to launch the new ferry in spring.", 2),
        ("The union held a ballot on Monday and the result is due on Friday.", 2),
        ("The regulator has opened a review of the ferry fares.", 1),
        ("Passengers should be ready for delays of 2 hours on the coast line.", 1),
        # A habit beside a future said as such is the contrast the news makes.
        ("Trains usually run every ten minutes but will run hourly until Friday.", 2),
        ("Inspectors will regularly check the dam for new cracks.", 2),
        # Everyone's planet; a hearing currently set to open.
        ("The new telescope will map our planet's ice sheets from next year.", 2),
        ("Three of the crew chose a hearing, which is currently set to open in June.", 2),
        # A dated opening in the present tense is ahead, and "since" a month tells what goes on.
        ("In June, the tribunal decides on the licence.", 1),
        ("Since March, the regulator has been investigating the bank's fees.", 1),
        ("In a statement the company says it hopes to launch the ferry in spring.", 2),
        ("The ferry is expected to carry 400 cars a crossing.", 2),
    ],
)
def test_what_the_new_rules_leave_standing(sentence: str, level: int) -> None:
    assert what_to_watch(sentence) == level


def test_a_demonstrative_points_back_but_a_clause_or_the_present_does_not() -> None:
    assert points_back("Residents may see little of that; the mill has not said.")
    assert points_back("The vote to that effect is due in June.")
    assert points_back("The new pumps should close that gap within a year.")
    assert points_back("A second crane will cut that to under an hour.")
    assert not points_back("The audit could show that tolls were overcharged.")
    assert not points_back("Analysts expect the bank to conclude that Ostmark will recover.")
    # speech.CLAUSE_VERBS, the list inner references read too ("accept", "assume", "recall").
    assert not points_back("The minister will accept that fares rose too fast.")
    assert not points_back("The museum will open this weekend.")
    assert not points_back("Critics say that the plan, if it passes, will cost jobs.")


def test_an_approach_nobody_makes_for_nothing_named_points_back() -> None:
    # Who approaches whom, for what, was told by the sentence before.
    assert points_back("Brackwater are expected to resist any approach before the summer.")
    assert points_back("The family will turn down further approaches until the sale closes.")
    assert what_to_watch("Brackwater are expected to resist any approach before the summer.") == 0
    # With its complement the sentence says who and what.
    assert not points_back("Brackwater will resist any approach for their goalkeeper in May.")
    assert not points_back("The board will weigh approaches from two rival mills next week.")
    # "Approach" as a way of doing something is no act of anyone.
    assert not points_back("The council will take a new approach to flood defences next year.")


def test_a_vox_pop_is_one_person_on_their_own_life() -> None:
    assert private_voice("Commuter Jon Brekke said he would cycle to work instead.")
    assert private_voice("Mira Olsen, 71, a resident of Harbour Row, said she was afraid.")
    assert not private_voice("Director Ola Brekke said the office would publish its findings.")
    assert not private_voice("Local MP Jane Orr said she would raise the closure in parliament.")
    assert not private_voice("Father Tomas Lind said the chapel would reopen at Easter.")
    assert not private_voice("Residents will be moved to the school hall tonight.")


def test_a_step_due_within_the_day() -> None:
    assert due_soon("The crew would test the valves overnight and decide at the morning meeting.")
    assert due_soon("The mayor will speak tonight.")
    assert not due_soon("The mayor will speak next month.")


def test_commentary_is_the_writers_unless_someone_is_said_to_hold_it() -> None:
    assert commentary("Many shoppers will miss the old covered market.")
    assert not commentary("Many shoppers will miss the old covered market, the traders said.")


def test_quotation_marks_of_every_style_but_not_an_apostrophe() -> None:
    assert quotes_someone("He called the ruling ‘a disgrace’ and left.")
    assert quotes_someone("The coach said: 'We go again next week.'")
    assert not quotes_someone("The governors' report is due next month.")
    assert not quotes_someone("Farley's mayor won't stand again.")


FARES_WIRE = """Skerra Ferries will raise fares by 12 percent from March 1, the operator said on Monday.
The operator blamed higher fuel costs and a new crew agreement.
A return ticket to the island will cost 46 crowns instead of 41.
Skerra council will debate a subsidy for residents on February 20.
Some islanders will find the new fares hard to live with.
The first ferry to Skerra sailed in 1908 from the old coal quay."""
FARES_POST = """Skerra Ferries said on Monday it would raise fares by 12 percent from March 1.
Commuters gathered on the quay in the rain as the morning boat came in.
Veland's transport regulator has opened a review of the operator's pricing.
Getting the timetable right may matter more than the price."""
FARES_RADIO = """Fares on the Skerra ferry will rise 12 percent from March 1, Skerra Ferries said.
Island shopkeepers say deliveries will cost them more.
The operator carried 410,000 passengers last year.
Few routes could survive without the summer tourists."""


def test_takeaways_are_next_steps_never_the_writers_opinion() -> None:
    # Three outlets on a fare rise; the opinions ("Some islanders will find ...", "Few routes
    # could ...", "... may matter more than the price") were the takeaways when any central
    # statement without quotation marks could fill the slots.
    articles = [
        article(
            1, 1, "Coast Wire", "Skerra ferry fares to rise 12 percent in March", FARES_WIRE, 0
        ),
        article(2, 2, "Island Post", "Skerra Ferries raises fares by 12 percent", FARES_POST, 10),
        article(3, 3, "Radio North", "Ferry fares to rise 12 percent", FARES_RADIO, 20),
    ]
    summary = ExtractiveSummarizer().summarize(5, articles, None, words=60, now=T0)
    takeaways = [t.text for t in summary.takeaways]
    assert "Skerra council will debate a subsidy for residents on February 20." in takeaways
    assert all(what_to_watch(t) for t in takeaways)
    page = " ".join(
        [c.text for c in summary.bullets]
        + [c.text for p in summary.paragraphs for c in p]
        + takeaways
    )
    for opinion in ("Some islanders", "Few routes", "Getting the timetable"):
        assert opinion not in " ".join(takeaways)
    assert page.count("Skerra council will debate") == 1


LAUNCH_EVE = """High winds kept the Brenn-3 weather satellite on its pad at Kell Point on Monday.
Gusts at ten kilometres reached 55 metres per second, above the rocket's limit of 40.
The satellite carries a radar built at Tallin University that sees rain through cloud.
Launch director Oda Fenn said the crew would fly further weather balloons overnight and decide at the morning meeting.
The 900 kilogram spacecraft is bound for an orbit at 700 kilometres."""
LAUNCH_DAY = """Brenn-3 lifted off from Kell Point on Tuesday after a one-day delay and reached orbit.
Controllers at Tallin received the satellite's first signals 40 minutes after launch.
The radar will be switched on next week, and the first rain maps are due in March.
Forecasters expect the maps to improve flood warnings for the river valleys.
The launch was the third from Kell Point this year."""


def test_a_step_an_earlier_report_saw_due_overnight_is_no_takeaway_a_day_later() -> None:
    # The launch director's overnight balloons were what to watch on Monday; by Tuesday's
    # report of the launch, that night has passed.
    articles = [
        article(1, 1, "Coast Wire", "Winds hold Brenn-3 on the pad", LAUNCH_EVE, 0),
        article(
            2, 2, "Tallin Post", "Brenn-3 weather satellite reaches orbit", LAUNCH_DAY, 30 * 60
        ),
    ]
    summary = ExtractiveSummarizer().summarize(6, articles, None, words=80, now=T0)
    takeaways = " ".join(t.text for t in summary.takeaways)
    assert "The radar will be switched on next week" in takeaways
    assert "balloons overnight" not in takeaways


BRIDGE_WIRE = """The Orrin river bridge in Farley was closed to lorries on Monday after inspectors found cracks in two of its steel girders.
Inspectors from the Farley roads office found the cracks during a routine check on Sunday.
Lorries heavier than 7.5 tonnes must now take a 40 kilometre detour through Malby.
Farley council will vote next month on a loan for the bridge repairs.
Elsewhere in the region, the Tarn valley museum will reopen its glass gallery in June."""
BRIDGE_POST = """Farley's Orrin river bridge is closed to lorries after inspectors found cracked girders, the roads office said on Monday.
Haulage firms in Farley said the detour through Malby would add an hour to every delivery.
The bridge carries about 3,000 lorries a day across the Orrin river.
Cars and buses may still use the Orrin bridge at reduced speed.
The Orrin bridge was built in 1968."""
BRIDGE_RADIO = """Lorries are barred from the Orrin river bridge in Farley after cracks were found in its girders.
The cracks were found in two steel girders under the bridge's eastern span.
Farley's mayor called the closure a blow to the town's sawmill and quarry.
Repairs to the Orrin bridge girders will take at least a year, the roads office said."""


def test_takeaways_come_most_central_first_not_furthest_from_the_story() -> None:
    # A roundup's aside ("Elsewhere in the region, ...") shares nothing with the page; the
    # council's vote on the bridge, more central, comes first (the choice weighs centrality
    # alone: a penalty for sharing the page's subject favours such asides in larger stories).
    articles = [
        article(
            1, 1, "Coast Wire", "Orrin bridge closed to lorries after cracks found", BRIDGE_WIRE, 0
        ),
        article(
            2, 2, "Farley Post", "Cracked girders close Orrin bridge to lorries", BRIDGE_POST, 10
        ),
        article(3, 3, "Radio North", "Lorries barred from cracked Orrin bridge", BRIDGE_RADIO, 20),
    ]
    summary = ExtractiveSummarizer().summarize(7, articles, None, words=25, now=T0)
    takeaways = [t.text for t in summary.takeaways]
    assert takeaways[0] == "Farley council will vote next month on a loan for the bridge repairs."


@pytest.mark.parametrize(
    "sentence",
    [
        # "Could" in a clause of time: what was possible then, in narrative.
        "Each of the 40 travellers would be searched by customs officers before they could leave"
        " the ferry.",
        # What "can" happen "depending on" the case is a rule of the world.
        "Depending on the operator, even a folding bike can keep a standby traveller off the"
        " plane, frequent flyers said.",
        # The writer's scene for what may come, and what the writer promises someone.
        "Any truce between the two clubs will be agreed against a backdrop of unease.",
        "Owners of the new phone can look forward to faster charging from next month.",
        # A request made for a moment the sentence dates in the past.
        "Police last night sealed off the harbour and asked residents to keep away from the quay"
        " while they searched the boats.",
        # That day's outlook, told in narrative.
        "The bay was calm and the crowd was expected to reach 9,000 by the afternoon.",
        # A plan told in narrative, with what happened instead.
        "The divers planned to map the wreck and came upon a second one.",
        # An aim with nothing to check it by describes the actor.
        "The movement, which was founded in March 1990, aims to spread its teachings along the"
        " whole coast.",
        "The astronomer aims to use the dish to listen for faint signals from the first stars.",
    ],
)
def test_narrative_rules_of_the_world_the_writers_scene_and_bare_aims_are_not_what_to_watch(
    sentence: str,
) -> None:
    assert what_to_watch(sentence) == 0


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        # A reported future before a clause of time keeps its level.
        ("Officials said it would be weeks before residents could return home.", 1),
        # A future said as such beside "against" and "look forward" elsewhere.
        ("The council will vote against the harbour plan next week.", 2),
        # An effect not asked at a past moment; one asked until further notice.
        ("Ferry services remain suspended after yesterday's storm.", 2),
        ("Residents were urged to boil water until further notice.", 2),
        # An expectation to last, and one a source holds in reported speech.
        ("The hall was expected to be closed for weeks.", 2),
        ("Police said the coast road was expected to reopen.", 2),
        ("The museum said it planned to open a second gallery.", 2),
        # An aim with a time or a figure after it.
        ("The museum hopes to reopen the cottage by 2030.", 2),
        ("The club aims to sign 3 new players.", 2),
        ("The company hopes to launch the new ferry in spring.", 2),
        ("The crew now hope to come down on the island, south of the cape.", 2),
        ("The museum aims to reopen the cottage in about two weeks' time.", 2),
        ("The divers' search aims to reach the four men still in the wreck.", 2),
        # What someone may do depending on something is ahead.
        ("The mill may ask for 2 more weeks, depending on what the inspectors find.", 1),
    ],
)
def test_what_the_narrative_and_aim_rules_leave_standing(sentence: str, level: int) -> None:
    assert what_to_watch(sentence) == level


def test_the_writers_scene_and_promise_are_commentary() -> None:
    assert commentary("Any truce will be agreed against a backdrop of unease.")
    assert commentary("Owners can look forward to faster charging.")
    assert not commentary("Owners can claim a refund within 30 days, the company said.")


# Two facts of the sale beside the step: bullets 2-3 are facts of the event and a description of
# the game is none (eventfacts.py), so without them the step would be bullet 2, not a takeaway.
MOSS_PATH = """Kettle Lane Games' "Moss Path" has sold 500,000 copies in the nine weeks since its release, the studio said, making it the best-selling game made in Osland.
The game reached the top of the Osland sales chart in its second week.
Sales doubled after a well-known streamer played it live in March.
Players lead a small snail across a rain-soaked garden.
Much of its appeal comes from its music, played on a single cello.
There are no enemies and no clock.
Kettle Lane says it will use the money to hire three more people and to bring the game to phones.
Reviewers have praised its puzzles as gentle but never dull."""


def test_the_one_next_step_of_a_short_page_is_a_takeaway_not_a_paragraph() -> None:
    # The paragraphs, chosen first, took the page's only statement of what comes next, and the
    # page had no takeaway; it is kept for the takeaways.
    story = [article(1, 1, "Osland Play", '"Moss Path" sells half a million copies', MOSS_PATH, 0)]
    summary = ExtractiveSummarizer().summarize(7, story, None, words=80, now=T0)
    step = "Kettle Lane says it will use the money to hire three more people"
    assert any(t.text.startswith(step) for t in summary.takeaways)
    assert not any(c.text.startswith(step) for p in summary.paragraphs for c in p)


def test_a_step_said_in_a_future_form() -> None:
    assert says_future("Kettle Lane says it will use the money to hire three more people.")
    assert says_future("The studio plans to bring the game to phones in May.")
    # A time word alone may date past narrative.
    assert not says_future("The crates sat in a basement until a team began rebuilding it.")


BRAMBLE_SNOW = """Bramble Falls recorded 140 centimetres of snow in two days, the most since records began in 1911, the weather office said.
The county declared a snow emergency on Tuesday evening.
Ploughs worked through the night on the main road to the harbour.
Two schools stayed open for children whose parents work at the hospital.
Officials urged drivers to stay off the roads.
The previous record, 112 centimetres, fell in February 1958."""


def test_the_one_effect_on_people_of_a_short_page_is_a_takeaway_not_a_paragraph() -> None:
    # As a next step said in a future form: an effect on people said as such is kept for the
    # takeaways when the paragraphs would take every statement of what to watch.
    story = [article(1, 1, "Bramble Post", "Bramble Falls buried by record snow", BRAMBLE_SNOW, 0)]
    summary = ExtractiveSummarizer().summarize(7, story, None, words=80, now=T0)
    effect = "Officials urged drivers to stay off the roads."
    assert [t.text for t in summary.takeaways] == [effect]
    assert not any(c.text == effect for p in summary.paragraphs for c in p)


def test_an_effect_said_as_such() -> None:
    assert says_effect("Officials urged drivers to stay off the roads.")
    assert says_effect("The coast road remains closed.")
    # A request made at a past moment was for that moment.
    assert not says_effect("Last night police asked residents to keep their windows shut.")
    assert not says_effect("The ploughs worked through the night.")


@pytest.mark.parametrize(
    "sentence",
    [
        "It is not yet known whether the Harrow Street footbridge will reopen before winter.",
        "Investigators have not said what caused the fire at the Wendle mill.",
        "The cause of the blackout in Osterby remains unknown.",
        "Police have not yet identified any suspects in the Caldmoor break-ins.",
        "A spokeswoman for the water board said it did not know how the pipe had burst.",
        "The ferry company says it doesn't know when the service will resume.",
        "It was not immediately clear what caused the ferry to lose power.",
        "Engineers are still trying to determine why the lift stalled.",
        "On ignore encore si le marché couvert rouvrira au printemps.",
        "Les causes de l'incendie de la scierie n'ont pas encore été établies.",
    ],
)
def test_an_open_question_the_story_names_is_what_to_watch(sentence: str) -> None:
    assert open_question(sentence)
    assert what_to_watch(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A trait, not a question.
        "The ferryman was not known for idle talk.",
        # The question frames a clause that tells something else.
        "While the motive is unknown, his neighbours described a quiet man.",
        "The alarm sounded at dawn, although it is not clear why.",
        # A description of someone, not news still to come.
        "Doctors treated the hiker, whose name has not been released.",
        # How things stood then, in narrative.
        "With the ridge in cloud, it was unclear whether the climbers had reached the hut.",
        # Somebody's own words.
        "We don't know whether the bridge will hold.",
    ],
)
def test_what_is_no_open_question(sentence: str) -> None:
    assert not what_to_watch(sentence)


WENDLE_MILL = """Fire destroyed the old Wendle flour mill on Tuesday night, the county fire service said.
Forty firefighters fought the blaze for six hours.
The mill, built in 1872, had stood empty for a decade.
Neighbours on Mill Row watched the roof collapse shortly after midnight.
Smoke could be seen from the ring road.
Investigators have not said what caused the fire."""


def test_the_one_open_question_of_a_short_page_is_a_takeaway_not_a_paragraph() -> None:
    # As a next step said in a future form: the question the story leaves open is kept for the
    # takeaways when the paragraphs would take every statement of what to watch.
    story = [article(1, 1, "Wendle Gazette", "Fire destroys Wendle mill", WENDLE_MILL, 0)]
    summary = ExtractiveSummarizer().summarize(7, story, None, words=80, now=T0)
    question = "Investigators have not said what caused the fire."
    assert [t.text for t in summary.takeaways] == [question]
    assert not any(c.text == question for p in summary.paragraphs for c in p)


def test_a_standing_policy_for_any_case_is_not_what_to_watch() -> None:
    assert not what_to_watch(
        "When the bakery suspects that a supplier has cut corners, it will end the contract."
    )
    assert not what_to_watch("Whenever a tenant reports damp, the landlord will send a surveyor.")
    # A case the sentence names, or dates ahead, is a step.
    assert what_to_watch("When the Harrow Street bridge reopens, tolls will rise.") == 2
    assert what_to_watch("When a new ferry arrives in May, the timetable will change.") == 2


def test_a_belief_with_a_contracted_is_is_an_opinion() -> None:
    assert not what_to_watch(
        "The senator said she does not believe it's likely the levy will pass."
    )
    assert what_to_watch("The senator said the levy will go to a vote in June.") == 2


def test_the_role_of_people_an_appointment_named_is_no_step() -> None:
    assert not what_to_watch(
        "The mayor on Friday named six engineers who will serve on the harbour safety panel."
    )
    # A time still to come for the role, or a step of its own, is.
    assert what_to_watch("The mayor named a harbour master who will take up the post in June.")
    assert what_to_watch("The council named a contractor, and work will begin next week.") == 2


def test_a_comparison_with_the_sentence_before_points_back() -> None:
    assert points_back("Equally, the ferry firm does not promise that every route will reopen.")
    assert points_back("By contrast, the northern quay will stay shut.")
    assert not points_back("The ferry firm says every route will reopen equally fast.")


def test_each_pattern_still_tells_behind_its_cheap_word_test() -> None:
    # Every pattern is tried on a sentence holding one of its words (watch._could): each level
    # below comes from one pattern, and a sentence holding none of them is read as none.
    assert what_to_watch("The council will vote on the closure next week.") == 2
    assert what_to_watch("Officials said the harbour board would meet again.") == 1
    assert what_to_watch("The inquiry into the ferry collision has yet to report.") == 1
    assert what_to_watch("Ferries stay closed on the north route.") == 2
    assert what_to_watch("La mairie prévoit de rouvrir le pont.") == 2
    assert what_to_watch("Investors expect a deal before the vote.") == 2
    assert what_to_watch("The repairs may cost 40 million crowns.") == 1
    assert what_to_watch("Mayor Ines Talvik inspected the north dam.") == 0
    assert what_to_watch("The ferry ran aground in May after a storm.") == 0
    # What _read_ahead takes out still goes: a refusal's matter, a plan told in narrative.
    assert what_to_watch("The board declined to comment on the review.") == 0
    assert what_to_watch("The divers planned to map the wreck and found a second one.") == 0


def test_a_letter_folding_to_latin_is_read_by_every_pattern() -> None:
    # Matched case-insensitively "ſ" is an "s": "aſked" is "asked", as before the word tests.
    assert what_to_watch("Residents are aſked to ſtay away from the quay.") == 2
