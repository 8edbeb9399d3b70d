"""Cues of the shipped middle-east catalog on single clauses (what the speaker says, after the speech verb)."""

import pytest

from analysis.catalog import load_catalog
from analysis.catalogs import SHIPPED_DIR
from analysis.stance import find_claims

CASES = [
    # the state named without the word Palestinian: an independent Palestine, the aspiration to a state
    ("Ola Moss said there could be no lasting peace without an independent Palestine",
     [("two_state_solution", "support")]),
    ("the envoy said the Palestinians' aspirations for an independent state must be fulfilled",
     [("two_state_solution", "support")]),
    # the war named as Israel's: ending it is a ceasefire
    ("she called for ending Israel's war on the enclave", [("ceasefire", "support")]),
    ("he urged the council to stop Israel's relentless bombardment", [("ceasefire", "support")]),
    ("Anna Berg demanded a halt to Israel's brutal aggression", [("ceasefire", "support")]),
    ("Anna Berg said the vote was not enough to stop the Israeli aggression",
     [("ceasefire", "support"), ("israel_self_defence", "oppose")]),
    # the hostages counted or described on the way to their release, or said to go free
    ("she called for the release of a dozen Ruritanian hostages", [("hostage_release", "support")]),
    ("the talks aim at freeing some of the 90 hostages held in the city", [("hostage_release", "support")]),
    ("the deal would see the release of 40 women and children hostages", [("hostage_release", "support")]),
    ("he hoped that the hostages seized in the raid would soon go free", [("hostage_release", "support")]),
    ("she said the prisoners would go free", []),
    # hostages named by who they are, and nationals hoped to come home
    ("she welcomed the release of women and children held hostage in Gaza", [("hostage_release", "support")]),
    ("he expressed hope that Danish nationals would also be released", [("hostage_release", "support")]),
    # relief for the hostages' families is (weakly) the case for their release
    ("the deal is a step towards relief for the families of the hostages", [("hostage_release", "support")]),
    # pausing military exports is an arms stop, whatever the goods
    ("Oslo has paused non-lethal military exports to Israel", [("arms_to_israel", "oppose")]),
    # a court's orders to be respected
    ("the leaders called for the court's orders to be respected", [("international_courts", "support")]),
    # concern about an offensive is opposition to it; a planned offensive alone is no concern
    ("the leaders expressed grave concern about a planned ground offensive into Rafah", [("israel_self_defence", "oppose")]),
    ("the army prepared a ground offensive into Rafah", [("israel_self_defence", "support")]),
    # topic vocabulary: fighting until Hamas' destruction, third-person verbs, a state for the
    # Palestinians, people forced to leave, rejecting the court's charges, holding back weapons
    ("Anna Berg said Israel would continue to fight Hamas until its destruction",
     [("ceasefire", "oppose"), ("israel_self_defence", "support")]),
    ("Anna Berg said the deal returns the hostages to their families", [("hostage_release", "support")]),
    ("Anna Berg called for an independent state for Palestinians", [("two_state_solution", "support")]),
    ("Anna Berg said civilians must not be forced to leave their homes", [("israel_self_defence", "oppose")]),
    ("Anna Berg said the verdict would have no legal standing in her country", [("international_courts", "oppose")]),
    ("Anna Berg dismissed the charges", [("international_courts", "oppose")]),
    ("Anna Berg condemned the court's actions as scandalous", [("international_courts", "oppose")]),
    ("Anna Berg condemned the prosecutor for seeking arrest warrants", [("international_courts", "oppose")]),
    ("Anna Berg condemned the International Criminal Court's prosecutor for seeking arrest warrants",
     [("international_courts", "oppose")]),
    # a cue that would put something at risk is judged by it: weak court cue inside criticism
    ("Anna Berg said the request for arrest warrants would jeopardise efforts to reach a truce",
     [("international_courts", "oppose"), ("ceasefire", "support")]),
    ("Anna Berg said Ruritania would hold back its weapons supply to Israel", [("arms_to_israel", "oppose")]),
    ("Anna Berg said Ruritania would not hold back weapons", [("arms_to_israel", "support")]),
    # the stop named by its noun: a cessation of the arms trade with Israel
    ("the signatories urged a cessation of all weapons shipments to Israel", [("arms_to_israel", "oppose")]),
    ("Anna Berg wants a cessation of military exports to Israel", [("arms_to_israel", "oppose")]),
    # "against" that names the party a case is brought against does not turn the court after it
    ("the envoy praised the proceedings against Israel at the ICJ", [("international_courts", "support")]),
    # rejecting, stopping or condemning a harm keeps the accusation; denying it does not
    ("Anna Berg rejected the forced displacement of civilians", [("israel_self_defence", "oppose")]),
    # the war named as waged on the Palestinians themselves; a war on an armed group is no charge
    ("Anna Berg said the army was now waging a war on the Gazan population", [("israel_self_defence", "oppose")]),
    ("Anna Berg called it a cruel war on innocent civilians in Gaza", [("israel_self_defence", "oppose")]),
    ("Anna Berg said the army was fighting a war against the militia", []),
    ("Anna Berg urged the government to halt the indiscriminate bombing", [("israel_self_defence", "oppose")]),
    ("Anna Berg said the expulsion of Palestinians from Gaza was unacceptable", [("israel_self_defence", "oppose")]),
    ("Anna Berg said the strikes were not disproportionate", [("israel_self_defence", "support")]),
    ("Ola Moss rejected the idea, emphasizing Israel's right to defend itself", [("israel_self_defence", "support")]),
    # a past-tense "as"/"when" clause on the main verb narrates what happened meanwhile: no stance
    ("Anna Berg rejected the plan as the first aid convoy entered the city", []),
    ("Ruritania launched strikes on the town as it rescued two hostages", []),
    ("Anna Berg called for a ceasefire as the death toll rose", [("ceasefire", "support")]),
    # bans and halts reach the goods through the act of exporting; weapons named by system
    ("Anna Berg called for a ban on the export of weapons to Israel", [("arms_to_israel", "oppose")]),
    ("the court banned the export of spare parts for the F-35 fighter jet to Israel", [("arms_to_israel", "oppose")]),
    ("Ruritania has ceased its arms supplies to Israel", [("arms_to_israel", "oppose")]),
    ("Anna Berg urged the government to halt weaponry sales to Israel", [("arms_to_israel", "oppose")]),
    ("the groups demanded an export ban", [("arms_to_israel", "oppose")]),
    # appealing a ban seeks to undo it; appealing for something asks for it
    ("Anna Berg said the government will appeal the ban on the export of weapons to Israel",
     [("arms_to_israel", "support")]),
    ("the cabinet will appeal the court's ban on exporting jet spare parts to Israel", [("arms_to_israel", "support")]),
    ("Anna Berg appealed for a ceasefire", [("ceasefire", "support")]),
    # Hamas named by what it holds; fighting until it is destroyed is a goal, not a time
    ("Anna Berg said Ruritania will fight until we destroy Hamas's military capabilities",
     [("israel_self_defence", "support")]),
    ("Anna Berg said the army would dismantle the military infrastructure of Hamas", [("israel_self_defence", "support")]),
    # a truce judged dangerous is opposed
    ("Any truce right now would be dangerous at best, Anna Berg said", [("ceasefire", "oppose")]),
    ("Anna Berg said a ceasefire would not be dangerous", [("ceasefire", "support")]),
    # blaming someone for a list of acts blames each of them
    ("Anna Berg criticised Ruritania for delivering weapons to Israel and providing aid",
     [("arms_to_israel", "oppose"), ("humanitarian_aid", "oppose")]),
    ("Anna Berg praised Ruritania for delivering weapons to Israel and providing aid",
     [("arms_to_israel", "support"), ("humanitarian_aid", "support")]),
    # blaming someone for rejecting, blocking or obstructing something is wanting it; a harm blamed
    # stays an accusation
    ("Anna Berg accused Ruritania of rejecting a ceasefire deal", [("ceasefire", "support")]),
    ("Anna Berg criticizes Ruritania for consistently blocking efforts to cease hostilities", [("ceasefire", "support")]),
    ("Anna Berg blamed Ruritania for obstructing aid deliveries", [("humanitarian_aid", "support")]),
    ("Anna Berg criticized Ruritania for blocking efforts to reach a ceasefire", [("ceasefire", "support")]),
    ("Anna Berg accused Israel of starving civilians", [("israel_self_defence", "oppose")]),
    # a supply halted in the passive
    ("Anna Berg said all deliveries of weapons systems of any kind have been suspended", [("arms_to_israel", "oppose")]),
    ("Anna Berg said arms exports to Israel have not been suspended", [("arms_to_israel", "support")]),
    ("Anna Berg spoke first, as Tom Harlan called for a ceasefire", [("ceasefire", "support")]),
    # the hostages set free, or named with two words before them
    ("all captives must be set free", [("hostage_release", "support")]),
    ("we want the release of more Israeli civilian hostages", [("hostage_release", "support")]),
    # the goods and the trucks that carry them, let into Gaza or the Strip
    ("Israel must allow more trucks into Gaza", [("humanitarian_aid", "support")]),
    ("they urged Israel to let fuel and medicine into the Strip", [("humanitarian_aid", "support")]),
    ("Israel must allow aid trucks in", [("humanitarian_aid", "support")]),
    # the fighting named by its acts (hostilities, military operations, attacks on the Strip),
    # halts and pauses named with corridors, a war that cannot be allowed to go on
    ("Anna Berg urged Ruritania to cease hostilities", [("ceasefire", "support")]),
    ("Anna Berg demanded an immediate halt to military operations in Gaza", [("ceasefire", "support")]),
    ("Anna Berg urged Israel to stop its attacks on the Strip", [("ceasefire", "support")]),
    ("Anna Berg said the army would not stop military operations", [("ceasefire", "oppose")]),
    ("the ministers called for humanitarian corridors and pauses in Gaza",
     [("humanitarian_aid", "support"), ("ceasefire", "support")]),
    ("Anna Berg hoped to secure another pause", [("ceasefire", "support")]),
    ("Anna Berg said the war cannot be allowed to continue", [("ceasefire", "support")]),
    # self-defence as an act or a right of its own, the war's aims (Hamas disarmed, its goals met)
    ("Anna Berg said Ruritania was acting in self-defence", [("israel_self_defence", "support")]),
    ("Anna Berg said this is not self-defence", [("israel_self_defence", "oppose")]),
    ("Anna Berg said we do not accept that this is self-defence", [("israel_self_defence", "oppose")]),
    ("Anna Berg recognised Israel's right of self-defence", [("israel_self_defence", "support")]),
    ("Anna Berg said Hamas must be demilitarized", [("israel_self_defence", "support")]),
    ("Anna Berg said Israel will achieve all the war's objectives", [("israel_self_defence", "support")]),
    ("Anna Berg said the summit had achieved its goals", []),
    # the campaign named as a crime or an aggression by its critics, also when condemned
    ("Anna Berg said Israel is committing war crimes in Gaza", [("israel_self_defence", "oppose")]),
    ("Anna Berg condemned the Israeli aggression on Gaza", [("israel_self_defence", "oppose")]),
    ("Anna Berg called to stop the massacre of Palestinians", [("israel_self_defence", "oppose")]),    # the hostages brought or got home or out, exchanged for prisoners; the focus on them
    ("Anna Berg said the priority was bringing all of the hostages home", [("hostage_release", "support")]),
    ("Anna Berg vowed to get the hostages out", [("hostage_release", "support")]),
    ("the mediators worked to exchange hostages held in Gaza for prisoners", [("hostage_release", "support")]),
    ("Anna Berg said the focus must be on the hostages", [("hostage_release", "support")]),
    # too little aid getting in is a call for more; so is easing the crisis; humanitarian support
    ("Anna Berg said there were not enough trucks", [("humanitarian_aid", "support")]),
    ("Anna Berg called for more humanitarian support", [("humanitarian_aid", "support")]),
    ("Anna Berg urged steps to ease the humanitarian crisis in Gaza", [("humanitarian_aid", "support")]),    # a ban or a bar on the agency, named by what it is; a ruling welcomed or said to confirm a finding
    ("Anna Berg condemned the decision to bar the UN refugee agency", [("unrwa_funding", "support")]),
    ("the parliament voted to ban the UN aid agency from operating in Gaza", [("unrwa_funding", "oppose")]),
    ("Anna Berg said the advisory opinion confirms the illegality of the occupation",
     [("international_courts", "support")]),
    ("Anna Berg welcomed the court's advisory opinion", [("international_courts", "support")]),    # a lack named is a complaint; a right denied stays denied
    ("Anna Berg said we did not have any humanitarian support", [("humanitarian_aid", "support")]),
    ("Anna Berg said the resolution made no mention of Israel's right to defend itself",
     [("israel_self_defence", "support")]),
    ("Anna Berg said Israel does not have the right to defend itself", [("israel_self_defence", "oppose")]),    # the weapons falling silent is the end of the fighting, not a supply of arms
    ("Anna Berg said it was time for the guns to fall silent in Gaza", [("ceasefire", "support")]),
    ("Anna Berg prayed: may the weapons cease", [("ceasefire", "support")]),
    # general wording of the war's diplomacy: the war or the carnage that has to end, the time for
    # it to end, a cease fire in two words; the fighting taken up again is no ceasefire
    ("Anna Berg said the carnage has to stop", [("ceasefire", "support")]),
    ("Anna Berg said it was time for the war to end", [("ceasefire", "support")]),
    ("Anna Berg said the suffering should come to an end", [("ceasefire", "support")]),
    ("Anna Berg urged both sides to cease fire", [("ceasefire", "support")]),
    ("Ola Moss said the army would resume the fighting after the pause", [("ceasefire", "oppose")]),
    # the hostages as the kidnapped, out of captivity, coming home, in a subjunctive demand
    ("Anna Berg called for freeing the kidnapped", [("hostage_release", "support")]),
    ("Anna Berg vowed to bring every one of them back from captivity", [("hostage_release", "support")]),
    ("Ola Moss said he would not rest until all the hostages come home", [("hostage_release", "support")]),
    ("Anna Berg demanded that the hostages be freed", [("hostage_release", "support")]),
    # access without hindrance, relief and water restored, aid workers protected
    ("Anna Berg demanded unimpeded access for the UN agencies", [("humanitarian_aid", "support")]),
    ("Anna Berg urged Ruritania to restore the water supply", [("humanitarian_aid", "support")]),
    ("Anna Berg stressed the protection of aid workers", [("humanitarian_aid", "support")]),
    # the right with the duty, firm support for Israel
    ("Ola Moss said Israel has the right and the duty to protect its citizens", [("israel_self_defence", "support")]),
    ("Ola Moss reaffirmed his firm support for Israel", [("israel_self_defence", "support")]),
    # two states side by side, a full seat at the UN; annexation goes against them
    ("Anna Berg spoke of two states living side by side", [("two_state_solution", "support")]),
    ("Anna Berg backed full UN membership for Palestine", [("two_state_solution", "support")]),
    ("Ola Moss called for the annexation of the West Bank", [("two_state_solution", "oppose")]),
    # the conflict in Gaza ended, fuel let in, attacks on civilians condemned (not Hamas's), the
    # court as "the UN's top court"
    ("Anna Berg called for an end to the conflict in Gaza", [("ceasefire", "support")]),
    ("Anna Berg urged Ruritania to allow fuel in", [("humanitarian_aid", "support")]),
    ("Anna Berg condemned the attacks on civilians", [("israel_self_defence", "oppose")]),
    ("Anna Berg condemned Hamas's attacks on civilians", [("israel_self_defence", "support")]),
    ("Anna Berg welcomed the case at the UN's top court", [("international_courts", "support")]),
    # recognition and suspension as nouns, the hostages let go, the siege lifted, Hamas to be
    # eliminated, jets sold to Israel, an arrest if he visited
    ("Anna Berg called for the recognition of Palestine", [("two_state_solution", "support")]),
    ("Anna Berg urged Hamas to let the hostages go", [("hostage_release", "support")]),
    ("Anna Berg called for the lifting of the blockade", [("humanitarian_aid", "support")]),
    ("Anna Berg called for the siege to be lifted", [("humanitarian_aid", "support")]),
    ("Ola Moss said Hamas must be eliminated", [("israel_self_defence", "support")]),
    ("Ola Moss approved the sale of fighter jets to Israel", [("arms_to_israel", "support")]),
    ("Anna Berg announced the suspension of arms exports to Israel", [("arms_to_israel", "oppose")]),
    ("Anna Berg announced the suspension of funding to UNRWA", [("unrwa_funding", "oppose")]),
    ("Anna Berg said Ruritania would arrest Ola Moss if he visited", [("international_courts", "support")]),
    # the hostages liberated, the aid named by its delivery or entry
    ("Anna Berg called for the liberation of the hostages", [("hostage_release", "support")]),
    ("Anna Berg urged Ruritania to speed up the entry of food", [("humanitarian_aid", "support")]),
    # Israel armed, or no longer armed
    ("Anna Berg urged the government to stop arming Israel", [("arms_to_israel", "oppose")]),
    ("Ola Moss said the allies would keep arming Israel", [("arms_to_israel", "support")]),
    # cues that carry their own turn: no stop until the goals are met, sales ended or licences
    # revoked, restrictions on aid eased, an offensive said to bring a catastrophe, the genocide
    # charge called baseless
    ("Ola Moss said the army would not stop until Hamas is gone", [("ceasefire", "oppose")]),
    ("Ola Moss said we will never end the war until the hostages are home", [("ceasefire", "oppose")]),
    ("Anna Berg said Ruritania would end arms sales to Israel", [("arms_to_israel", "oppose")]),
    ("Anna Berg said Ruritania had revoked its arms export licences", [("arms_to_israel", "oppose")]),
    ("Anna Berg said Ruritania would not end arms sales to Israel", [("arms_to_israel", "support")]),
    ("Anna Berg urged Israel to ease restrictions on the entry of aid", [("humanitarian_aid", "support")]),
    ("Anna Berg urged Israel to lift restrictions on humanitarian aid", [("humanitarian_aid", "support")]),
    ("Anna Berg urged Israel to remove obstacles to aid deliveries", [("humanitarian_aid", "support")]),
    ("Anna Berg warned that a ground invasion of Rafah would be a humanitarian disaster",
     [("israel_self_defence", "oppose")]),
    ("Ola Moss said the accusation of genocide against Israel was completely unfounded",
     [("international_courts", "oppose")]),
    ("Ola Moss said the genocide case was meritless", [("international_courts", "oppose")]),
    # general wording of the war's diplomacy: an end to the aggression (a ceasefire, and the critics'
    # word for the campaign), access to the necessities of life, crossings kept open, the campaign
    # condemned with its target named, the agency said to be infiltrated, the Palestinians' right to
    # self-determination, the 1967 lines, a truce said to benefit Hamas, Hamas destroyed
    ("Anna Berg called for an end to the Israeli aggression on Gaza",
     [("ceasefire", "support"), ("israel_self_defence", "oppose")]),
    ("Anna Berg urged an immediate halt to the genocide", [("ceasefire", "support"), ("israel_self_defence", "oppose")]),
    # the same in the plural, in quote marks, or with how long it has lasted; another country's is none
    ("Anna Berg pressed the council to bring an end to Israel's \"aggressions\" on the coast", [("ceasefire", "support")]),
    ("Anna Berg demanded a halt to the weeks-long Israeli aggression in the north",
     [("ceasefire", "support"), ("israel_self_defence", "oppose")]),
    ("Anna Berg demanded a halt to Valdoran aggression", []),
    ("Anna Berg called on Ruritania to ensure access to food, water and medicine", [("humanitarian_aid", "support")]),
    ("Anna Berg said the crossing must remain open", [("humanitarian_aid", "support")]),
    ("Anna Berg condemned Ruritania's ongoing assault on Gaza", []),
    ("Anna Berg condemned Israel's ongoing assault on Gaza", [("israel_self_defence", "oppose")]),
    ("Anna Berg reiterated her firm rejection of Israeli attacks on Gaza", [("israel_self_defence", "oppose")]),
    ("Ola Moss said UNRWA had been infiltrated by Hamas", [("unrwa_funding", "oppose")]),
    ("Anna Berg said the Palestinian people have the right to self-determination", [("two_state_solution", "support")]),
    ("Anna Berg said the islanders have a right to self-determination", []),
    ("Anna Berg called for a solution based on the pre-1967 lines", [("two_state_solution", "support")]),
    ("Ola Moss said a ceasefire now would only benefit Hamas", [("ceasefire", "oppose")]),
    ("Ola Moss said the war will end when Hamas is destroyed", [("israel_self_defence", "support")]),
    # the genocide convention is a treaty named, no accusation; genocide alleged still is
    ("Ola Moss said Ruritania sees itself as committed to the genocide convention", []),
    ("Ola Moss said Ruritania upholds the Convention on Genocide", []),
    ("Anna Berg said Ruritania is committing genocide", [("israel_self_defence", "oppose")]),
    # the siege ended, halted or broken; the displacement of Palestinians; the court's orders binding
    ("Anna Berg called for an end to the siege of Gaza", [("humanitarian_aid", "support")]),
    ("Anna Berg urged a halt to the siege", [("humanitarian_aid", "support")]),
    ("Anna Berg said the blockade of the Strip must end", [("humanitarian_aid", "support")]),
    ("Anna Berg said Ruritania rejects the displacement of Palestinians", [("israel_self_defence", "oppose")]),
    ("Anna Berg said the court's orders are legally binding", [("international_courts", "support")]),
    # the war wanted to end, the response said to have gone too far, a case joined (the harm it names
    # stays its own cue)
    ("Anna Berg said we want this war to end", [("ceasefire", "support")]),
    ("Anna Berg said Ruritania wants to see the fighting stop", [("ceasefire", "support")]),
    ("Anna Berg said the military response has gone too far", [("israel_self_defence", "oppose")]),
    ("Anna Berg said Ruritania had joined the genocide case against Israel",
     [("international_courts", "support"), ("israel_self_defence", "oppose")]),
    # the hostage deal named with what it trades; the hostages named by their captors
    ("Anna Berg urged both sides to agree a hostages-for-prisoners deal", [("hostage_release", "support")]),
    ("Anna Berg said the time has come to conclude the hostages and detainees release deal",
     [("hostage_release", "support")]),
    ("Anna Berg pressed for the release of the militia-held hostages", [("hostage_release", "support")]),
    # the fighting halted by the acts of one side named ("Israeli military actions"), a stop in the
    # combat, an operation brought to its end
    ("Anna Berg called on the council to halt Israeli military actions", [("ceasefire", "support")]),
    ("Anna Berg welcomed the plea for a humanitarian stop in the combat", [("ceasefire", "support")]),
    ("Anna Berg urged Ruritania to bring its operation against the militants to a swift end",
     [("ceasefire", "support")]),
    # reconsidering a decision to suspend something turns the suspension back
    ("we urge reconsideration of the decision to suspend funding of UNRWA", [("unrwa_funding", "support")]),
    # what a negated clause cannot do without is required
    ("Sylvania will not normalise relations with Israel without a path to a Palestinian state",
     [("two_state_solution", "support")]),
    ("there will be no diplomatic relations with Israel without an independent Palestinian state",
     [("two_state_solution", "support")]),
    # an offensive said to bring a catastrophe is opposed once, also under a word of opposition
    ("she restated her opposition to an offensive that could have catastrophic effects on civilians",
     [("israel_self_defence", "oppose")]),
    ("Norland rejected an offensive that would be a disaster for civilians", [("israel_self_defence", "oppose")]),
    # the same campaign said to bring harm in milder words (a harmful effect, grave consequences,
    # civilians put at risk), also with a quote mark before the verb; an effect on the armed group
    # is no harm
    ("Ola Moss said a ground invasion “could have a deeply harmful effect on families”",
     [("israel_self_defence", "oppose")]),
    ("Ola Moss said the army's operations in the south might bring grave humanitarian consequences",
     [("israel_self_defence", "oppose")]),
    ("Ola Moss warned that a ground operation across the south could put civilians at grave risk",
     [("israel_self_defence", "oppose")]),
    ("Ola Moss said the ground offensive would have a damaging effect on the militants",
     [("israel_self_defence", "support")]),
    # the campaign named in the words that judge it is one cue with them, not a support of it: called
    # a genocide, described as a crime, named with a harsh adjective, said to bring a disaster after
    # its place and what borders it; the campaign praised or to go on stays a support
    ("Anna Berg called the ground campaign against the enclave a genocide", [("israel_self_defence", "oppose")]),
    ("Ola Moss described the ground invasion of Gaza as ethnic cleansing", [("israel_self_defence", "oppose")]),
    ("Ola Moss said the disproportionate military offensive in Gaza had killed thousands",
     [("israel_self_defence", "oppose")]),
    ("Ola Moss cautioned that a major assault on Rafah beside the frontier of Valdora could result in an “utter disaster”",
     [("israel_self_defence", "oppose")]),
    ("Ola Moss called the military operation in Rafah a success", [("israel_self_defence", "support")]),
    ("Ola Moss said the ground offensive in Gaza would continue", [("israel_self_defence", "support")]),
    # criticising the campaign is condemning it: its place named with a part of the Strip, its target
    # the armed group; Israel itself the object of the criticism; not Israel's other acts
    ("Ola Moss criticised the Israeli ground offensive against Hamas fighters", [("israel_self_defence", "oppose")]),
    ("Anna Berg condemned Israel's air strikes in northern Gaza", [("israel_self_defence", "oppose")]),
    ("the envoy sharply criticised Israel at the summit in Valdora", [("israel_self_defence", "oppose")]),
    ("Ola Moss criticised Israel's choice of negotiators", []),
    # the campaign condemned with no place named, or named by its critic; the same campaign on
    # another front, or another country's, is no cue
    ("Ola Moss sharply condemned the Israeli bombardment, calling it unlawful", [("israel_self_defence", "oppose")]),
    ("Ola Moss, a fierce critic of the Israeli military operations, spoke on Monday", [("israel_self_defence", "oppose")]),
    ("Ola Moss condemned Israel's offensive in Lebanon", []),
    ("Ola Moss sharply condemned the Valdoran bombardment, calling it unlawful", []),
    # the hostage deal: accepting it is (weakly) the ceasefire's and, by its name, the hostages';
    # the deal named beside the ceasefire or by what it is about, the hostages' release, more
    # hostages got out, a focus that turns to them
    ("Ola Moss pressed the militia to accept the hostage deal on the table",
     [("ceasefire", "support"), ("hostage_release", "support")]),
    ("Anna Berg stressed how urgent it was to close a hostage and ceasefire deal",
     [("hostage_release", "support"), ("ceasefire", "support")]),
    ("the envoy said Valdora was working on a deal for the remaining captives", [("hostage_release", "support")]),
    ("Anna Berg said the captives' return came before everything else", [("hostage_release", "support")]),
    ("Anna Berg hoped the next round of talks would see more captives home by the weekend", [("hostage_release", "support")]),
    ("Ola Moss said the cabinet should put its focus right now on the hostages", [("hostage_release", "support")]),
    # the crimes named with their victims in Gaza or laid at Israel's door; the people itself to be
    # destroyed; the same crimes named of an attack on Israelis, or of another accused, are no cue
    ("Anna Berg accused Israel of crimes against humanity and cut ties", [("israel_self_defence", "oppose")]),
    ("the envoy said the shelling of the camps amounted to war crimes against Palestinian civilians",
     [("israel_self_defence", "oppose")]),
    ("Ola Moss said the raids showed an intent to destroy the Palestinian people", [("israel_self_defence", "oppose")]),
    ("Ola Moss said the militants had committed crimes against humanity against innocent Israelis", []),
    ("Anna Berg accused the militia of war crimes", []),
    ("Ola Moss said any war crimes committed in the Strip must be investigated", []),
    # Israel to be held to account, or its impunity named, is its critics' charge; the same said of
    # another side, or denied, is none
    ("Anna Berg said that one day Israel would be held accountable over the raid on the camp",
     [("israel_self_defence", "oppose")]),
    ("Anna Berg asked the panel to help in holding Israeli officials to account over the raid",
     [("israel_self_defence", "oppose")]),
    ("Anna Berg said Israeli impunity had lasted for years", [("israel_self_defence", "oppose")]),
    ("Anna Berg demanded accountability for Israeli leaders", [("israel_self_defence", "oppose")]),
    ("Ola Moss said the militia must be held accountable", []),
    ("Ola Moss said Israel should not be held accountable", []),
    # arms exports named by other goods (ammunition, parts of tanks, a jet named by its model) or by
    # the export licences for Israel; other parts, or licences not said to be Israel's, are no cue
    ("Anna Berg said the cabinet had been slow to authorise the export of ammunition", [("arms_to_israel", "support")]),
    ("Anna Berg asked Ruritania to halt its shipments of spare tank parts", [("arms_to_israel", "oppose")]),
    ("Ola Moss signed off on deliveries of F-16 jet parts", [("arms_to_israel", "support")]),
    ("Ola Moss said the export licences for Israel would stay in force", [("arms_to_israel", "support")]),
    ("Anna Berg said Ruritania had suspended a dozen export licences for Israel", [("arms_to_israel", "oppose")]),
    ("the firm announced the export of car parts to Valdora", []),
    ("Ola Moss said the ministers would review export licences", []),
    # the hostages named before the participle of their release, with the words that say who holds
    # them, or as what one gets or sees done; a release denied, or told as news, is no cue
    ("Anna Berg said the captives kept by the group should be freed without delay",
     [("hostage_release", "support")]),
    ("Anna Berg said all hostages still held by militants must be released", [("hostage_release", "support")]),
    ("Ola Moss said his team hoped to get the last Ruritanian captives released soon",
     [("hostage_release", "support")]),
    ("Ola Moss said the cabinet wants the abductees freed", [("hostage_release", "support")]),
    ("Ola Moss said the hostages will never be released", []),
    ("Ola Moss said seven hostages were released on Sunday", []),
    # the war's aims in other words: the group to be destroyed named by a description, the goals "for"
    # or "in" the war; a destruction refused, another target, or another place wiped off the map is none
    ("Ola Moss renewed her vow to crush the militant movement", [("israel_self_defence", "support")]),
    ("Anna Berg said it was time to wipe this evil organisation off the map", [("israel_self_defence", "support")]),
    ("Anna Berg said Valdora would press for the achievement of each of its goals for the war",
     [("israel_self_defence", "support")]),
    ("Ola Moss said the army would never destroy the militant group", [("israel_self_defence", "oppose")]),
    ("Ola Moss said the militia wanted to wipe the country off the map", []),
    ("the rebels vowed to destroy the ruling party", []),
    # a block voted against, or negated, leaves what it would block wanted
    ("the council voted against a motion by three members to block weapons shipments to Israel",
     [("arms_to_israel", "support")]),
    ("Ola Moss said the warnings would not prevent the army from launching a ground offensive",
     [("israel_self_defence", "support")]),
]


@pytest.fixture(scope="module")
def middle_east_issues():
    return load_catalog(str(SHIPPED_DIR / "middle-east.toml"))


@pytest.mark.parametrize("text, expected", CASES)
def test_middle_east_claims(nlp, middle_east_issues, text, expected):
    assert [(c.issue, c.stance) for c in find_claims(nlp(text)[:], middle_east_issues)] == expected
