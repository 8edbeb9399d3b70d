"""Cue matching and stance on single clauses (what the speaker says, after the speech verb)."""

import pytest

from analysis.stance import find_claims

CASES = [
    # too little of a cue is a call for more of it: "not enough" does not negate
    ("there are still not enough sanctions on the regime", [("sanctions", "support")]),
    ("the minister said there were not nearly enough sanctions against the oligarchs", [("sanctions", "support")]),
    ("returning to the pre-2014 borders is an unrealistic objective", [("territorial_integrity", "oppose")]),
    ("the country's territorial integrity is non-negotiable", [("territorial_integrity", "support")]),
    ("its borders must remain intact", [("territorial_integrity", "support")]),
    # the invader's leader to take his troops home, or the war ended that way
    ("the envoy demanded that the general withdraw his troops from the valley", [("territorial_integrity", "support")]),
    ("the assembly urged the ruler to end the invasion by pulling back his army", [("territorial_integrity", "support")]),
    ("it will not accept territorial concessions", [("territorial_integrity", "support")]),
    # Ukraine's peace formula asks for all its land back
    ("the foreign minister endorsed the peace formula at the forum", [("territorial_integrity", "support")]),
    ("Kyiv presented its formula for peace to the delegates", [("territorial_integrity", "support")]),
    ("membership of NATO is not a realistic outcome", [("nato_membership", "oppose")]),
    ("they do not see NATO membership as a realistic outcome", [("nato_membership", "oppose")]),
    ("it ruled out sending peacekeepers", [("peacekeeping_troops", "oppose")]),
    # a reversing verb does not reach into a participle clause after a comma: what the speaker holds instead
    ("she rejected the proposal, calling for a ceasefire", [("ceasefire", "support")]),
    ("he criticised the plan, arguing that a truce would not last", [("ceasefire", "oppose")]),
    ("a ceasefire must come now", [("ceasefire", "support")]),
    # asking for more of what Ukraine needs is military aid, whoever the weapons are not named for
    ("they repeated their calls for more air defence systems", [("military_aid", "support")]),
    ("Kyiv pressed for additional ammunition", [("military_aid", "support")]),
    # aid named by its fund or by what it pays for; the means to defend itself, not the right to
    ("the government vetoed an increase of the European Peace Facility", [("military_aid", "oppose")]),
    ("the bloc must keep funding the Ukrainian army", [("military_aid", "support")]),
    # arms bought for Ukraine on the open market or from third countries, or a coalition that pools them
    ("the alliance plans to buy munitions from distant suppliers for Ukraine", [("military_aid", "support")]),
    ("the envoy said shells could be procured for the Ukrainian army in Asia", [("military_aid", "support")]),
    ("Dorvia joined the drone coalition last spring", [("military_aid", "support")]),
    ("the firm bought cheap fuel for Ukraine", []),
    # training Ukraine's soldiers or pilots is military help; pilots trained somewhere are no one's stance
    ("Marovia said it would help train Ukrainian tank crews at a base near its coast", [("military_aid", "support")]),
    ("the coalition began the training of Ukraine's pilots last month", [("military_aid", "support")]),
    ("the envoy said the pilots were trained in a northern country", []),
    # money set aside is money given, like money pledged
    ("the northern states allocated nearly €6 billion in aid this year", [("military_aid", "support")]),
    ("Kyiv must get everything it needs to defend itself", [("military_aid", "support")]),
    ("the allies must give Ukraine the means to defend itself", [("military_aid", "support")]),
    ("Ukraine has the right to defend itself", []),
    # arms or help named by what Ukraine needs, in a clause after the noun; humanitarian help is no arms
    ("the envoy said it was hard to find the guns and shells his country still needs", [("military_aid", "support")]),
    ("the partners will look for the air defences that Kyiv badly needs", [("military_aid", "support")]),
    ("Anna Berg hoped Ukraine would get all the support it requires this winter", [("military_aid", "support")]),
    ("the agency will bring the humanitarian aid the country needs", []),
    # aid pledged, given to Ukraine's fight or its war effort, or peace sought through strength; help to rebuild is none
    ("Anna Berg pledged more aid for the coming winter", [("military_aid", "support")]),
    ("the minister vowed to help Kyiv", [("military_aid", "support")]),
    ("the allies will help Ukraine in its fight", [("military_aid", "support")]),
    ("the ministers discussed assistance to the Ukrainian war effort", [("military_aid", "support")]),
    ("Anna Berg called for peace through strength", [("military_aid", "support")]),
    ("the government promised to help Ukraine rebuild", []),
    # a call for Ukraine's victory or Russia's defeat is the case for strengthening Ukraine; a forecast is not
    ("it is necessary to achieve the defeat of Russia", [("military_aid", "support")]),
    ("Ukraine must prevail", [("military_aid", "support")]),
    ("Ukraine cannot win the war", []),
    # another named country's territory or border is not Ukraine's; Ukraine's own still is
    ("the drone came down on Romanian territory", []),
    ("the army will hit targets on Russian territory and guard the Polish border", []),
    ("the government will defend Ukrainian territory", [("territorial_integrity", "support")]),
    # an ally's or a neighbour's territory, one a host lends to others, or land counted by its area, is not Ukraine's
    ("the general said missiles would be stationed on the territory of its northern ally", []),
    ("Norland lets foreign troops use its territory for drills", []),
    ("Dorvia claimed to have seized more than 600 square kilometres of territory", []),
    ("the rebels claim to have taken 90 square miles (about 230 square kilometres) of territory", []),
    # the missing prospect of a cue is lamented, not refused; the cue itself negated still refuses
    ("the envoy said there was no sign of any readiness to open peace talks", [("negotiations", "support")]),
    ("the minister saw no sign of talks", [("negotiations", "support")]),
    ("the treaty leaves the region without chances for a ceasefire", [("ceasefire", "support")]),
    ("both armies show no signs that a truce is near", [("ceasefire", "support")]),
    ("there will be no ceasefire", [("ceasefire", "oppose")]),
    # recognising seized land, its independence or the claim to it is giving it up; refusing so holds the borders
    ("Norland will not recognise the so-called territories of the northern rebels", [("territorial_integrity", "support")]),
    ("the regime recognised the independence of the breakaway provinces", [("territorial_integrity", "oppose")]),
    ("our cabinet will never recognise Moscow's claim to the coastal districts", [("territorial_integrity", "support")]),
    ("the summit recognised the independence of Ukraine in 1991", []),
    ("the army will guard the internationally recognised territory of Ukraine", [("territorial_integrity", "support")]),
    # the withdrawal demanded, with a modal or an infinitive between Russia and the verb
    ("Russia must withdraw all its troops from Ukraine", [("territorial_integrity", "support")]),
    ("the resolution calls for Moscow to immediately withdraw its forces", [("territorial_integrity", "support")]),
    ("the text calls for Russia to stop the shelling of cities and withdraw its troops", [("territorial_integrity", "support")]),
    # the alliance's protection named as its umbrella, not a nuclear umbrella
    ("NATO should extend its protective umbrella to Ukraine", [("nato_membership", "support")]),
    ("the country relies on the American nuclear umbrella", []),
    ("a ceasefire would only reward aggression", [("ceasefire", "oppose")]),
    ("the government would veto new sanctions", [("sanctions", "oppose")]),
    ("Tokyo would not ease the pressure on Moscow", [("sanctions", "support")]),
    ("lifting sanctions would be a mistake", [("sanctions", "support")]),
    ("Europe must be part of any negotiations", [("seat_at_table", "support")]),
    ("no deal can be struck without Ukraine", [("seat_at_table", "support")]),
    ("talks could go ahead without Ukraine", [("negotiations", "support"), ("seat_at_table", "oppose")]),
    # what a negated clause cannot do without is required, the negator out of reach or another cue's
    ("no discussions about Ukraine can take place without Ukraine", [("seat_at_table", "support")]),
    ("Norland will never accept any settlement of the war without the full withdrawal of Russian troops",
     [("territorial_integrity", "support")]),
    ("Europe must spend more on its own defence and keep sanctions", [("european_defence", "support"), ("sanctions", "support")]),
    ("it is unclear whether talks will happen", [("negotiations", "neutral")]),
    ("the council vetoed the resolution that called for an immediate ceasefire", [("ceasefire", "oppose")]),
    # a participle past a time or place phrase still tells the resolution's content; after a comma it is the speaker's own
    ("Ruritania vetoed a resolution in the council on Friday demanding a ceasefire", [("ceasefire", "oppose")]),
    ("Ruritania rejected the plan, calling for a ceasefire", [("ceasefire", "support")]),
    ("they rejected a resolution calling on both sides to agree a truce", [("ceasefire", "oppose")]),
    ("the council blocked a text demanding an immediate ceasefire", [("ceasefire", "oppose")]),
    ("Spain no longer opposed the idea that calls for a ceasefire", [("ceasefire", "support")]),
    ("there is no other solution than a ceasefire", [("ceasefire", "support")]),
    ("they protested over the decision calling for a ceasefire", [("ceasefire", "oppose")]),
    ("we will halt the aggression and secure a lasting ceasefire", [("ceasefire", "support")]),
    ("they objected to the plan that would send more weapons", [("military_aid", "oppose")]),
    ("the court has no say and that the talks will go on", [("negotiations", "support")]),
    ("they should lift the ban and send more weapons", [("military_aid", "support")]),
    ("they must halt the offensive and supply more air defence systems", [("military_aid", "support")]),
    ("a ceasefire now would be a disaster", [("ceasefire", "oppose")]),
    ("the decision to send more weapons is outrageous", [("military_aid", "oppose")]),
    ("new sanctions would be pointless and counterproductive", [("sanctions", "oppose")]),
    ("talks now would be a mistake and would fail", [("negotiations", "oppose")]),
    ("it will not change our support for sanctions", [("sanctions", "support")]),
    ("this will not deter us from sending more weapons", [("military_aid", "support")]),
    ("we will not weaken sanctions", [("sanctions", "support")]),
    ("countries that suspended military aid should reconsider", [("military_aid", "support")]),
    # pausing a measure holds it back like suspending it
    ("the cabinet has paused military aid to the eastern front", [("military_aid", "oppose")]),
    ("she was disappointed by the decision to suspend military aid", [("military_aid", "support")]),
    ("Moscow is deeply dissatisfied with the new sanctions", [("sanctions", "oppose")]),
    ("the minister voiced dissatisfaction with the sanctions", [("sanctions", "oppose")]),
    ('she was "dismayed" by the decision to suspend military aid', [("military_aid", "support")]),
    # outlawing or banning something opposes it; calling it devastating or worrying too
    ("the parliament outlawed military aid to Ukraine", [("military_aid", "oppose")]),
    ("the government is banning weapons deliveries to Ukraine", [("military_aid", "oppose")]),
    ("new sanctions on Moscow would be devastating for our farmers", [("sanctions", "oppose")]),
    ("the plan to send more weapons is worrying", [("military_aid", "oppose")]),
    # a threat in the main clause opposes what its "if" clause names
    ("if they send more weapons to Kyiv, Moscow will halt all gas deliveries", [("military_aid", "oppose")]),
    ("if they send more weapons to Kyiv, Moscow will talk to them", [("military_aid", "support")]),
    ("he concessions before the talks had started", []),
    ("the weather was fine on Tuesday", []),
    ("it declined to provide Ukraine with ammunition", [("military_aid", "oppose")]),
    ("Kyiv must accept Ukraine's neutrality", [("nato_membership", "oppose")]),
    ("it keeps the nation's policy of strict neutrality", []),  # another country's own neutrality
    ("this is necessary for continued support to Ukraine", [("military_aid", "support")]),
    # a negated condition names the demand; a negator of the main clause or of a fronted
    # condition does not reach the other clause
    ("the army will not accept any negotiations if Russia does not leave the occupied territories",
     [("negotiations", "oppose"), ("territorial_integrity", "support")]),
    ("there will be no talks unless Russia withdraws its troops", [("negotiations", "oppose"), ("territorial_integrity", "support")]),
    ("if we do not send more weapons, Ukraine will lose", [("military_aid", "support")]),
    ("when the talks failed, no sanctions were lifted", [("negotiations", "oppose"), ("sanctions", "support")]),
    # a typeset apostrophe negates like a straight one
    ("his government certainly doesn’t want to send its soldiers", [("peacekeeping_troops", "oppose")]),
    ("it doesn’t change our support for sanctions", [("sanctions", "support")]),
    # each "no" of a list negates its own item; occupying forces are no foreign troops
    ("there will be no ground troops, no soldiers on Ukrainian soil",
     [("peacekeeping_troops", "oppose"), ("peacekeeping_troops", "oppose")]),
    ("a truce that left Russian troops on Ukrainian soil", [("ceasefire", "support")]),
    ("it does not plan to intervene militarily", [("peacekeeping_troops", "oppose")]),
    # a reversing verb reaches the items listed after its object; weapons supplied, NATO's invitation
    ("Germany has rejected key elements of the plan in the ongoing war - the supply of long-range weapons and "
     "the swift invitation to NATO", [("military_aid", "oppose"), ("nato_membership", "oppose")]),
    ("the supply of long-range weapons must continue", [("military_aid", "support")]),
    ("it will keep blocking the invitation to NATO", [("nato_membership", "oppose")]),
    # air defence supplied or strengthened for Ukraine (not another country's own)
    ("it promised to provide one Patriot surface-to-air missile battery system", [("military_aid", "support")]),
    ("the deal will bolster Ukraine’s air defences", [("military_aid", "support")]),
    ("Russia will keep strengthening its air defences", []),
    # a sum of money provided or pledged
    ("it will provide an additional $1.3 billion toward the cost of rebuilding", [("military_aid", "support")]),
    ("the country pledged €500 million", [("military_aid", "support")]),
    # a deal to end the war, a political solution ("cut" opening the cue reverses nothing)
    ("Ukraine should cut a deal to end the war", [("negotiations", "support")]),
    ("it is time to seek a political solution", [("negotiations", "support")]),
    # the talks under their other names: discussions of peace, a conference on it
    ("the two capitals hope the peace discussions can start again by spring", [("negotiations", "support")]),
    ("they proposed that a peace conference bring both warring sides together", [("negotiations", "support")]),
    # "no compromise on X" holds X; a move called inappropriate is opposed
    ("this means no compromises regarding the territorial integrity of Ukraine", [("territorial_integrity", "support")]),
    ("given the escalation, initiating talks would be inappropriate", [("negotiations", "oppose")]),
    # "will not hesitate to X": a double negation states a resolve to X
    ("it won't hesitate to impose more sanctions on Moscow", [("sanctions", "support")]),
    ("we will never hesitate to send more weapons to Ukraine", [("military_aid", "support")]),
    # a negator of the first of two full clauses stays there; a shared subject keeps it for both
    ("Anna Berg said the current truce is not enough and a permanent ceasefire is necessary",
     [("ceasefire", "support"), ("ceasefire", "support")]),
    ("Anna Berg said Ruritania will not send troops and provide weapons",
     [("peacekeeping_troops", "oppose"), ("military_aid", "oppose")]),
    # a "not" of a verb beside the cue's, not above it, stays with its verb: "urged it not to stop
    # there but to go further and send weapons" asks for the weapons
    ("Anna Berg urged the bloc not to stop there, to go one step further and send more weapons to Ukraine",
     [("military_aid", "support")]),
    ("Anna Berg said Ruritania does not want to send weapons to Ukraine", [("military_aid", "oppose")]),
    # a lack named ("does not include", "did not have any", "made no mention of") is a complaint,
    # no refusal; "does not have the right" and "no plans to" stay denied
    ("Anna Berg said the plan does not include security guarantees for Ukraine", [("security_guarantees", "support")]),
    ("Anna Berg said the text made no mention of a ceasefire", [("ceasefire", "support")]),
    ("Anna Berg said Ruritania does not have any plans to send troops to Ukraine", [("peacekeeping_troops", "oppose")]),
    # "will never stop calling for X": a negated stopping keeps the act of its gerund going;
    # stopping a thing is still refused
    ("Anna Berg said Ruritania will never stop calling for a ceasefire", [("ceasefire", "support")]),
    ("Anna Berg said Ruritania would not stop pressing for talks with Moscow", [("negotiations", "support")]),
    # a move called against someone's interest is opposed
    ("sending weapons to Ukraine was absolutely not in the interest of these countries", [("military_aid", "oppose")]),
    ("new sanctions on Russia are in nobody's interest", [("sanctions", "oppose")]),
    # annexation votes and annexations called unlawful
    ("the planned votes are sham referendums", [("territorial_integrity", "support")]),
    # refusing to recognise the votes that annex land holds the borders; recognising them gives it up
    ("we will never recognise the sham referendums held in occupied parts of Ukraine", [("territorial_integrity", "support")]),
    ("Moscow's allies recognised the referendums as valid", [("territorial_integrity", "oppose")]),
    # a cue that names its object with contempt keeps its side under a condemning verb
    ("we condemn the sham referendums", [("territorial_integrity", "support")]),
    ("she condemned the illegal annexation of four regions", [("territorial_integrity", "support")]),
    ("he rejected any appeasement of Moscow", [("negotiations", "oppose")]),
    ("Estonia refused to recognise the sham referendums", [("territorial_integrity", "support")]),
    ("the illegal annexation will never stand", [("territorial_integrity", "support")]),
    # an annexation condemned or called void holds the borders; one named in the background does not
    ("Anna Berg condemned Russia's proclaimed annexation of three regions", [("territorial_integrity", "support")]),
    ("they condemned the illegal annexation", [("territorial_integrity", "support")]),
    ("the attempt at annexation is worthless", [("territorial_integrity", "support")]),
    ("the annexation of the two provinces has no legal validity", [("territorial_integrity", "support")]),
    ("after the annexation of the peninsula in 2014, trade fell", []),
    ('Oslo will never recognise the "sham" referendums', [("territorial_integrity", "support")]),
    # a negator over a coordination reaches its later items too, not across "but"
    ("the minister would not accept any plan that means giving away land or freezing the conflict",
     [("ceasefire", "oppose")]),
    ("there will be no talks or a ceasefire", [("negotiations", "oppose"), ("ceasefire", "oppose")]),
    # a refused act's purpose is not refused
    ("the country will not give up its land to join the alliance",
     [("territorial_integrity", "support"), ("nato_membership", "support")]),
    # trading or bargaining over land is a territorial concession: none of it holds the borders
    ("there can be no trade in Ukrainian territories", [("territorial_integrity", "support")]),
    ("they will never bargain over the occupied lands", [("territorial_integrity", "support")]),
    # what a speaker fears or feels threatened by is what it does not want; a fear straight about
    # a noun, a relative clause describing it or another noun in between turns nothing
    ("the adviser voiced concern that Beijing will push for a ceasefire", [("ceasefire", "oppose")]),
    ("she voiced concerns over the prospect of new sanctions", [("sanctions", "oppose")]),
    ("Moscow feels threatened by Kyiv's possible accession to NATO", [("nato_membership", "oppose")]),
    ("she expressed concern over delays in military aid", [("military_aid", "support")]),
    ("they fear that talks would only reward aggression", [("negotiations", "oppose")]),
    # troops sent into battle fight the war, they do not keep a peace
    ("Moscow plans to send foreign troops into battle", []),
    # a condition set for something (with or without an article) is a demand about something else
    ("Kyiv demands a full withdrawal as a basic condition for peace negotiations", []),
    ("they offered land in exchange for peace talks", []),
    ("there should be no preconditions for a ceasefire", [("ceasefire", "support")]),
    # preventing something is opposing it, not across another verb
    ("Moscow repeated its goal of preventing Kyiv from joining the alliance", [("nato_membership", "oppose")]),
    ("the measures prevent Russia from circumventing sanctions", [("sanctions", "support")]),
    # what makes a cue impossible is blamed; the cue is wanted
    ("the strikes would make peace talks impossible", [("negotiations", "support")]),
    # a measure said to be (not) enough for another end is no stance on it; without the end it still is
    ("an eventual ceasefire will not be enough to lift sanctions", [("sanctions", "support")]),
    ("sanctions alone are not enough", [("sanctions", "support")]),
    # giving up something reverses it, also a later item of its object; not the act's own purpose
    ("Kyiv should give up occupied land and its ambitions to join NATO",
     [("territorial_integrity", "oppose"), ("nato_membership", "oppose")]),
    ("Kyiv will never give up on NATO membership", [("nato_membership", "support")]),
    # a stance named as a topic does not say which
    ("he said his stance on supplying Ukraine with long-range missiles will not change", []),
    # arms for the aggressor are no aid to Ukraine
    ("we hope Beijing will not send ammunition to Russia", []),
    ("they doubt the weapons to the Russian army came from there", []),
    ("China is not supplying weapons but the means to produce them", []),
    ("Iran is sending drones and missiles", []),
    # talks about a sanctions package, an aid bill or EU accession are not peace talks
    ("the parliament ended months of negotiations and debates on the aid bill", []),
    ("ministers held talks on the ninth sanctions package", [("sanctions", "support")]),
    ("they hope to open accession negotiations this year", []),
    ("the two ministers agreed to advance the economic framework negotiations", []),
    ("the bloc opened association talks with Norway", []),
    # nor are talks on a named country's accession, talks among partners, or two leaders' bilateral talks at a meeting;
    # bilateral talks between the warring sides still are
    ("the council agreed to open negotiations on Ruritania’s accession to the bloc", []),
    ("Carl Moss welcomed the negotiations between EU leaders", []),
    ("Carl Moss backed the negotiations between member states", []),
    ("the two presidents held bilateral talks on the margins of the summit", []),
    ("Anna Berg called for bilateral talks between Russia and Ukraine", [("negotiations", "support")]),
    # a meeting the sentence reports is no talks argued for: what the talks dealt with, how they went, the talks
    # held or previewed; talks wanted or planned still are
    ("the envoy said the talks covered energy and grain", []),
    ("the negotiations had already begun on Monday and continued on Tuesday", []),
    ("the ministers met in the capital, holding talks with their neighbours", []),
    ("the council issued a statement previewing the talks", []),
    ("talks must begin at once", [("negotiations", "support")]),
    ("Norland will hold talks with the Russians", [("negotiations", "support")]),
    # the profits of frozen Russian assets handed to Ukraine pay for its defence: aid, not a sanction
    ("they agreed the profits generated by the frozen assets could be used in Ukraine", [("military_aid", "support")]),
    ("the leaders backed using windfall profits from frozen Russian assets for Kyiv", [("military_aid", "support")]),
    ("the frozen assets must stay frozen", [("sanctions", "support")]),
    # a security order for the continent is no guarantee for Ukraine
    ("he asked all sides to agree a new security arrangement in Europe", []),
    ("he asked the allies to sign a security agreement with Kyiv", [("security_guarantees", "support")]),
    # a grain embargo between neighbours is a trade dispute, an oil embargo a sanction
    ("the president criticised the neighbours for imposing a grain embargo", []),
    ("they agreed an embargo on Ukrainian grain", []),
    ("the bloc agreed an oil embargo", [("sanctions", "support")]),
    # another country's accession to the alliance is not Ukraine's
    ("Moscow warned of retaliation over Norway's accession to NATO", []),
    ("Moscow warned of retaliation over Ukraine's accession to NATO", [("nato_membership", "support")]),
    # aid or troops for the aggressor are no aid to Ukraine and no peacekeepers
    ("Russia is seeking military aid from Iran", []),
    ("the officials confirmed that North Korea deployed troops to Russia", []),
    ("the allies may deploy troops to Ukraine", [("peacekeeping_troops", "support")]),
    # NATO named as "the military alliance", or as the place where Ukraine belongs
    ("Ukraine's rightful place is in NATO", [("nato_membership", "support")]),
    ("he backed Ukraine joining the military alliance in the future", [("nato_membership", "support")]),
    ("the country's future lies in the European Union and NATO", [("nato_membership", "support")]),
    # peace talks without the word: back to the table, talking about peace, a way out, a swift end
    ("both sides should return to the negotiating table", [("negotiations", "support")]),
    ("it is time to start talking about peace", [("negotiations", "support")]),
    ("we must find an honourable way out", [("negotiations", "support")]),
    ("he promised a swift end to the war", [("negotiations", "support")]),
    ("the president called for an end to war after visiting the ruins", [("negotiations", "support")]),
    ("the chancellor urged Russia to be willing to negotiate with Ukraine", [("negotiations", "support")]),
    # the verb alone after readiness, refusal or pressure; not a verb with an object of its own
    ("the envoy insisted that Dorvia was ready to negotiate.", [("negotiations", "support")]),
    ("the council pressed the northern provinces to negotiate under neutral auspices", [("negotiations", "support")]),
    ("the summit must compel the invaders to negotiate on fair terms", [("negotiations", "support")]),
    ("the agency will try to negotiate the financing of the shells", []),
    # aid without an aid noun: support kept up, weapons Ukraine needs or pleads for
    ("the president called to continue supporting Ukraine", [("military_aid", "support")]),
    ("we will support Ukraine for as long as it takes", [("military_aid", "support")]),
    ("they will support Ukraine in its fight against aggression for as long as necessary", [("military_aid", "support")]),
    ("Ukraine needs two Patriot systems to defend the city", [("military_aid", "support")]),
    ("she made a plea for air defence", [("military_aid", "support")]),
    # Ukraine's own plea as a noun, and kinds of arms written with a hyphen
    ("the cabinet agreed to meet Kyiv's long-standing requests for combat aircraft", [("military_aid", "support")]),
    ("the premier issued a fresh appeal for state-of-the-art air defence", [("military_aid", "support")]),
    ("Ukraine's request for grain ships was granted", []),
    ("they urged countries to transfer as many tanks as possible to the front line", [("military_aid", "support")]),
    ("Russia needs shells from North Korea", []),
    # the aggressor's or its allies' troops sent into battle are no peacekeepers
    ("Russia was planning to send North Korean troops into battle within days", []),
    ("Minsk has so far refused to send troops over the border", []),
    ("France could send troops to Ukraine", [("peacekeeping_troops", "support")]),
    # troops sent to Ukraine are no weapons sent, however far the verb stands from them
    ("they may send, in an agreed manner, troops on the ground to Ukraine", [("peacekeeping_troops", "support")]),
    # a weapon system delivered by its name alone; not gas, grain or people, nor arms for Russia
    ("the chancellor has so far rejected the delivery of Falcon", [("military_aid", "oppose")]),
    ("she has long been calling for a Falcon delivery", [("military_aid", "support")]),
    ("the delivery of Russian gas to Europe must stop", []),
    ("the transfer of Ukrainian children to Russia is a crime", []),
    ("the supply of Iranian drones to Russia worries Kyiv", []),
    # a tank, gun or jet named by its real name as what is asked for, handed over or shipped
    ("the general asked for the Gepards before winter", [("military_aid", "support")]),
    ("a second consignment of Bradleys is expected in May", [("military_aid", "support")]),
    ("the army is ready to hand over its Marder vehicles next year", [("military_aid", "support")]),
    ("the plant will not deliver Gripens to Moscow", []),
    # a show or a declaration of support is political backing, no aid
    ("the vote was an overwhelming demonstration of support for Ukraine", []),
    ("the document, titled Joint Declaration on Support for Ukraine, is open to all", []),
    # backing for Ukraine's bid or path, or for Ukraine to join, backs that step, not aid
    ("the premiers voiced their support for Kyiv in joining the alliance", [("nato_membership", "support")]),
    ("Lutvania repeated its backing for Ukraine's path into the alliance", [("nato_membership", "support")]),
    ("the two heads of state restated their support for Ukraine's NATO bid", [("nato_membership", "support")]),
    ("the two heads of state will keep up their support for Ukraine", [("military_aid", "support")]),
    # humanitarian aid is no military or financial aid; aid that is both still is
    ("they will send humanitarian aid to Ukraine", []),
    ("the government backed humanitarian assistance to Ukraine", []),
    ("he never refused to provide humanitarian support to Ukraine", []),
    ("they will provide military and humanitarian aid to Ukraine", [("military_aid", "support")]),
    # the alliance's own territory is not Ukraine's
    ("every inch of NATO territory must be defended", []),
    ("we will defend allied territory", []),
    ("they train personnel on the territory of Britain and Germany", []),
    # guarantees for Russia's own security are not Ukraine's
    ("the West should consider how to address Russia's need for security guarantees", []),
    ("Russia has all security guarantees if it does not attack its neighbours", []),
    ("Ukraine needs security guarantees", [("security_guarantees", "support")]),
    # Ukraine's security guaranteed, without the noun "guarantees"
    ("we are launching a declaration that guarantees Ukraine's security", [("security_guarantees", "support")]),
    ("the pact will guarantee the security of Ukraine", [("security_guarantees", "support")]),
    # driving Russian forces out is a withdrawal too
    ("the plan demands the expulsion of Russian forces from all of Ukraine", [("territorial_integrity", "support")]),
    ("we must expel all Russian troops", [("territorial_integrity", "support")]),
    # a negated verb that judges the cue in its subject: a reversing one negated, or the cue's
    # predicted failure; a negated end is a continuation, a negated passive or event no judgement
    ("new sanctions will not be lifted", [("sanctions", "support")]),
    ("new sanctions will not stop Moscow", [("sanctions", "oppose")]),
    ("the transfer of weapons to Ukraine will not help", [("military_aid", "oppose")]),
    ("freezing the conflict is not an answer", [("ceasefire", "oppose")]),
    ("military aid to Ukraine will not stop", [("military_aid", "support")]),
    ("the promised military aid has not arrived", [("military_aid", "support")]),
    ("borders cannot be redrawn by force", [("territorial_integrity", "support")]),
    ("the country's territorial integrity is not up for discussion", [("territorial_integrity", "support")]),
    # a reversing verb does not reach into the participle clause after its object
    ("she criticised the comments, arguing that a truce on such terms would not last", [("ceasefire", "oppose")]),
    ("he condemned the strikes, calling for a ceasefire", [("ceasefire", "support")]),
    # a vague cue as the place of a past event someone made is no stance; condemned or demanded it is
    ("the army has recaptured half of the territories seized last year", []),
    ("the votes took place in these territories", []),
    ("Moscow illegally annexed Ukrainian territory", [("territorial_integrity", "support")]),
    ("the troops must leave the territory", [("territorial_integrity", "support")]),
    # a negator does not reach into the next sentence of a quote
    ("Sanctions alone are not enough. We need weapons and a plan.", [("sanctions", "support"), ("military_aid", "support")]),
    # compromising on something gives some of it up; refusing to compromise holds it
    ("Kyiv will never compromise on its sovereignty", [("territorial_integrity", "support")]),
    ("Kyiv may have to compromise on its territorial integrity", [("territorial_integrity", "oppose")]),
    # a reversing verb that takes a noun of undoing turns the undoing back: the cue is wanted
    ("she criticised the council's failure to impose new sanctions", [("sanctions", "support")]),
    ("she regretted the lack of military aid", [("military_aid", "support")]),
    # a judgement or a negator of a noun of undoing turns the undoing back, not the cue it undoes
    ("the evasion of the embargo on Ostland is unacceptable", [("sanctions", "support")]),
    ("the council wants new steps against the circumvention of sanctions", [("sanctions", "support")]),
    ("Norland will act against sanctions evasion by shipping firms", [("sanctions", "support")]),
    # an "against" whose object is a party named before the cue turns no cue after it
    ("Norland filed a complaint against the invaders and sent more tanks to the front", [("military_aid", "support")]),
    # what a third thing is said not to help is no stance: its subject is judged; a first person refuses
    ("his latest remarks did not help with the peace talks", []),
    ("the remarks were rude and did not help the peace talks", []),
    ("the new package will not contribute to a ceasefire", []),
    ("the delivery of tanks will not help the peace talks", [("military_aid", "oppose")]),
    ("we will not help the peace talks", [("negotiations", "oppose")]),
    # the other side named by its leader or as the aggressor; banks cut off from SWIFT; arms given as second object
    ("Kyiv will not negotiate with the Russian president", [("negotiations", "oppose")]),
    ("Anna Berg is ready to sit down with the Russians", [("negotiations", "support")]),
    ("the bloc agreed to exclude several Russian banks from SWIFT", [("sanctions", "support")]),
    ("Norland opposes disconnecting Russia from Swift", [("sanctions", "oppose")]),
    ("the allies must give Ukraine the tanks it needs", [("military_aid", "support")]),
    ("they did not give Kyiv long-range missiles", [("military_aid", "oppose")]),
    ("Ostland gave Ukraine a chance", []),
    # Ukraine's own troops to leave its regions is the price Moscow names; a retreat reported as done is no demand
    ("Moscow demands that Kyiv withdraw from the regions", [("territorial_integrity", "oppose")]),
    ("Moscow will agree to a truce if Ukraine withdraws from the four regions",
     [("ceasefire", "support"), ("territorial_integrity", "oppose")]),
    ("Ukrainian troops withdrew from the town", []),
    ("Ukrainian troops have to withdraw from areas around the town", []),
    ("Norland refuses to recognise the regions as independent", [("territorial_integrity", "support")]),
    ("the plan includes the withdrawal of the Kremlin's forces from occupied areas", [("territorial_integrity", "support")]),
    ("Anna Berg called for the de-occupation of Crimea", [("territorial_integrity", "support")]),
    # the pledge to stay the course, also set in quotes or made to Ukraine's face
    ("Anna Berg added that the alliance would support Ukraine “for as long as it takes.”", [("military_aid", "support")]),
    ("we will stand with Ukraine 'as long as it takes'", [("military_aid", "support")]),
    ("We will be with you as long as it takes", [("military_aid", "support")]),
    ("we will be with you tomorrow", []),
    # a peace summit among one side's partners is no talks with the other side
    ("the meeting is another step towards the Global Peace Summit", []),
    ("Anna Berg said Moscow tried to derail the peace summit", []),
    # a complaint about a hold-up (a delay, a postponement, a veto) wants what is held up
    ("Anna Berg criticised the delay in military aid", [("military_aid", "support")]),
    ("the minister deplored the postponement of the tank deliveries", [("military_aid", "support")]),
    ("he sharply criticised the postponed decision on the supply of tanks to Ukraine", [("military_aid", "support")]),
    ("she voiced frustration over the veto of new military aid", [("military_aid", "support")]),
    ("they expressed frustration over the new sanctions", [("sanctions", "oppose")]),
    # an act said to be playing with fire is opposed
    ("the allies are “playing with fire” by supplying more weapons to Ukraine", [("military_aid", "oppose")]),
    # a condition the speaker sets is a demand, not a hedge
    ("Moscow would be ready to negotiate on condition that Kyiv renounced its membership of NATO",
     [("nato_membership", "oppose")]),
    ("it would consider sending troops", [("peacekeeping_troops", "neutral")]),
    # an envoy or a delegation sent to Kyiv is diplomacy, no aid; standing with Ukraine is solidarity
    ("Beijing would send a special envoy to Ukraine", []),
    ("the ministry will send a delegation to Kyiv", []),
    ("we stand with Ukraine", []),
    ("they will send air defence systems and a delegation to Kyiv", [("military_aid", "support")]),
    # NATO written out in full
    ("Kyiv applied to join the North Atlantic Treaty Organization", [("nato_membership", "support")]),
    ("membership of the North Atlantic Treaty Organization is not realistic for Kyiv", [("nato_membership", "oppose")]),
    # talks among partners, on a bilateral pact or on joining the bloc are no peace talks
    ("the adviser called the talks with partners very productive", []),
    ("she praised the negotiations on a bilateral security agreement", [("security_guarantees", "support")]),
    ("the leaders agreed to open talks with Kyiv on joining the bloc", []),
    ("talks with Russia on a ceasefire should begin", [("negotiations", "support"), ("ceasefire", "support")]),
    # aid pledged without an aid noun: support for as long and as much as needed, a military donor,
    # Ukraine's army supplied with what it needs
    ("we support Ukraine as long and as much as is needed", [("military_aid", "support")]),
    ("Oslo will remain the largest military donor", [("military_aid", "support")]),
    ("Berlin will keep supplying the Ukrainian armed forces with the equipment they need", [("military_aid", "support")]),
    # a weapon system named by its own (capitalised) name after a verb of sending is aid; an adjective
    # ("US-supplied") names no sending, nor does a system sent to Russia
    ("Oslo will send the Kestrels before winter", [("military_aid", "support")]),
    ("the ministry plans to deliver 12 of the Harrow 4s in spring", [("military_aid", "support")]),
    ("the strikes used US-supplied Kestrels", []),
    ("Pyongyang supplied the Kestrels to the Russian army", []),
    # shells and howitzers for Kyiv are weapons too
    ("more shells for Kyiv", [("military_aid", "support")]),
    # a dialogue with partners or the global south is no dialogue between the warring sides
    ("the message of the summit is one of dialogue with the global south", []),
    ("we need dialogue with Moscow", [("negotiations", "support")]),
    # a go-between named by any form of the word is a push for talks; a mediated prisoner swap is not
    ("Lorvia offered itself as a mediator between the two capitals", [("negotiations", "support")]),
    ("the envoy said his government was open to Belmark mediating in the crisis", [("negotiations", "support")]),
    ("Belmark mediated the latest prisoner swap between the armies", []),
    # a peace plan named by its number of points with the war it would end; a numbered plan on anything else is none
    ("Anna Berg welcomed the nine-point plan on the long war in the east", [("negotiations", "support")]),
    ("the ministry published a five-point plan on grain exports", []),
    # what a question put to the speaker was about is no stance; the answer is
    ("when asked about the prospect of peace talks, she said it depends on the battlefield", []),
    ("asked about sanctions, Anna Berg said new sanctions were needed", [("sanctions", "support")]),
    # a cue that only names a body or its people says who they are, not what anyone wants
    ("Anna Berg met the head of the UN aid agency on Monday", []),
    ("the EU sanctions envoy met Anna Berg, who called for new sanctions", [("sanctions", "support")]),
    # "yet to" and a verb: the act has not happened ("has yet to approve" is no approval)
    ("the government has yet to approve the new sanctions", [("sanctions", "oppose")]),
    ("the government has yet to lift the sanctions", [("sanctions", "support")]),
    # "it is <judgement> to <cue>": the judging word behind an "it" judges the infinitive
    ("it would be a mistake to lift sanctions", [("sanctions", "support")]),
    ("it is unacceptable to impose new sanctions", [("sanctions", "oppose")]),
    ("it is not a mistake to impose new sanctions", [("sanctions", "support")]),
    ("it was outrageous to send weapons to Ukraine", [("military_aid", "oppose")]),
    # "considers it pathetic to ...": a judgement, no hedge; "was considering sending" leans to the act (neutral is
    # only an explicit no side, ANNOTATION.md), while "would consider" stays a hedge
    ("she considers it pathetic to deliver weapons to Ukraine", [("military_aid", "oppose")]),
    ("Germany was considering sending more weapons to Ukraine", [("military_aid", "support")]),
    ("the cabinet in Norland is seriously considering further sanctions on Dorvia", [("sanctions", "support")]),
    ("Norland would consider sending more weapons to Ukraine", [("military_aid", "neutral")]),
    # "rejected X as <judgement>": the "as" phrase describes the rejected object, it judges once with the verb
    ("she rejected new sanctions as counterproductive", [("sanctions", "oppose")]),
    ("he dismissed the talks as premature", [("negotiations", "oppose")]),
    ("he described new sanctions as counterproductive", [("sanctions", "oppose")]),
    # the "as" of the sending, not of the ruling out: the peacekeepers are ruled out too
    ("she ruled out sending Swedish soldiers to Ukraine as peacekeepers",
     [("peacekeeping_troops", "oppose"), ("peacekeeping_troops", "oppose")]),
    # an indirect question leaves open what it asks: no stance; "how to" + infinitive presupposes the act
    ("she would not comment on which countries are considering sending troops to Ukraine", []),
    ("she asked which side wants peace talks", []),
    ("the allies discussed how to send more weapons to Ukraine", [("military_aid", "support")]),
    ("she knows how important sanctions are", [("sanctions", "support")]),
    # common debt raised to pay for defence
    ("he called on the EU to issue common debt to fund military investment", [("european_defence", "support")]),
    # a negated verb of leaving unchanged keeps the cue also when the negator is not next to it
    ("the threats are not going to deter our support for Ukraine", [("military_aid", "support")]),
    ("the war would not significantly alter our military aid to Ukraine", [("military_aid", "support")]),
    ("the government is not going to send more weapons to Ukraine", [("military_aid", "oppose")]),
    # undoing a measure reverses it: ceasing, repealing, abolishing, rolling back, getting rid of
    ("the new government decided to cease the transfer of military aid to Ukraine", [("military_aid", "oppose")]),
    ("Anna Berg wants to get rid of the sanctions", [("sanctions", "oppose")]),
    # a "not" of a judging phrase may be contracted; a measure judged doubtful is not wanted
    ("the policy of sanctions against Russia doesn't work", [("sanctions", "oppose")]),
    ("a ceasefire won't bring lasting peace", [("ceasefire", "oppose")]),
    ("she described the new sanctions as highly doubtful", [("sanctions", "oppose")]),
    # a measure judged to have no point or to be a bad idea is not wanted; one that makes sense is
    ("some of the sanctions we inherited serve no strategic purpose", [("sanctions", "oppose")]),
    ("the new sanctions make no sense", [("sanctions", "oppose")]),
    ("a ceasefire now would be a bad idea", [("ceasefire", "oppose")]),
    ("the new sanctions make sense", [("sanctions", "support")]),
    # held back from an act, or kept from it, also through a gerund of backing; not from undoing it
    ("the dispute could prevent Norland from supporting new sanctions against Russia", [("sanctions", "oppose")]),
    ("Norland has refrained from backing Western sanctions against Moscow", [("sanctions", "oppose")]),
    ("the law prohibits Norland from sending weapons to a country at war", [("military_aid", "oppose")]),
    ("the bloc agreed on measures to prevent Russia from circumventing sanctions", [("sanctions", "support")]),
    # an act held up so far is wanted, not refused
    ("because the bill is stuck, we have not been able to provide Ukraine with more weapons",
     [("military_aid", "support")]),
    ("Norland is not able to send more weapons to Ukraine", [("military_aid", "oppose")]),
    # a measure named again only as what a clause speculates about, or whose effects are weighed, is
    # the topic: the stance is where it was first named; a judgement of it still takes a side
    ("Norland has no room in its budget for sanctions, as the sanctions would wreck its farms",
     [("sanctions", "oppose")]),
    ("the council wants to study the cost of these sanctions for small firms first", []),
    ("these sanctions might hit the poorest regions hardest", []),
    ("the sanctions would not work", [("sanctions", "oppose")]),
    ("the sanctions must stay in place", [("sanctions", "support")]),
    # an ellipsis before a capital runs two sentences together: a negator of the first stays there;
    # before a lower-case word the sentence goes on
    ("we stand against the invaders… Talks with Moscow are possible now", [("negotiations", "support")]),
    ("we are not ready for... talks with Moscow", [("negotiations", "oppose")]),
    # arms named by their collective nouns; those shipped to Russia are no aid to Ukraine
    ("Norland will gather more weaponry for Ukraine", [("military_aid", "support")]),
    ("Norland will hand over armoured vehicles", [("military_aid", "support")]),
    ("Dorvia has stopped the transfer of munitions", [("military_aid", "oppose")]),
    ("the delivery of this military hardware will not change anything", [("military_aid", "oppose")]),
    ("the ministry accused Dorvia of shipping munitions to Russia", []),
    # Ukraine's security for the years after the war, provided or contributed to
    ("our countries contribute to Ukraine's immediate and long-term security", [("security_guarantees", "support")]),
    ("we must prepare now for Kyiv's future security", [("security_guarantees", "support")]),
    ("the summit discussed future security in Europe", []),
    # Ukraine named by a description in aid cues: as the country, its government or its people; the
    # country's defences only named, with nothing done for them, are no aid
    ("the envoy said the allies would strengthen the government's arsenal soon", [("military_aid", "support")]),
    ("the summit pledged to strengthen the government's military arsenal", [("military_aid", "support")]),
    ("Norland will keep backing the proud people of Ukraine", [("military_aid", "support")]),
    ("the country's air defences shot down two drones overnight", []),
    # a country taken into a bloc or shut out of a system, by a noun or verb of inclusion or exclusion: Ukraine
    # into the alliance (the alliance perhaps described), Russia out of the banking and payment systems; another
    # country's entry, or an exclusion from a meeting, is neither
    ("the minister said he favoured Kyiv's admission to the transatlantic alliance", [("nato_membership", "support")]),
    ("the pact backs Ukraine's integration into Western structures such as NATO", [("nato_membership", "support")]),
    ("Dorvia's entry into NATO was approved last spring", []),
    ("the senator urged cutting off Moscow from world payment systems", [("sanctions", "support")]),
    ("Norland has long resisted Moscow's expulsion", [("sanctions", "oppose")]),
    ("the envoy regretted Moscow's exclusion from the forum", []),
    # concessions without "territorial" are land given up when made to the invader, asked of Ukraine, made at all or
    # on both sides; concessions to a partner or on a budget are none
    ("the premier said she would never make “any concession” to end the war", [("territorial_integrity", "support")]),
    ("the allies will not demand concessions from Kyiv", [("territorial_integrity", "support")]),
    ("a lasting deal requires concessions on both sides", [("territorial_integrity", "oppose")]),
    ("Norland offered concessions to its partners on the budget", []),
    ("the ministers had made several concessions on the package", []),
    # supporting Ukraine told by the verb, as by the noun, is (weak) aid; not its way into a bloc, not humanitarian
    # help, not the supporters named as a group
    ("the envoy said the region's safety rests on the will of its neighbours to support Ukraine",
     [("military_aid", "support")]),
    ("Norland is supporting Kyiv in the war with humanitarian aid and medicine", []),
    ("the pact backs the plan to support Kyiv on its way to the bloc", []),
    ("the countries supporting Ukraine met in the capital", []),
    # another's stated view or call rejected turns the cues inside it, like a rejected proposal: a view
    # named by its noun, its author's relative clause, an infinitive after a call whatever it hangs on
    ("Norland rejected the Dorvian premier's latest comments about deploying European soldiers in Ukraine",
     [("peacekeeping_troops", "oppose")]),
    ("the president rejected the stance taken by General Anna Berg, who suggested that the country donate old "
     "weapons to Ukraine", [("military_aid", "oppose")]),
    ("Dorvia keeps dismissing calls to tighten sanctions against Russia", [("sanctions", "oppose")]),
    ("Norland welcomed the Dorvian premier's latest comments about deploying European soldiers in Ukraine",
     [("peacekeeping_troops", "support")]),
    ("the minister will not give up land to join the alliance",
     [("territorial_integrity", "support"), ("nato_membership", "support")]),
    # a block that is itself condemned, voted against or negated turns back what it would block: the
    # block's noun far behind the verb that judges it, a block of an act carried out, getting in the way
    ("the ministers sharply condemned the approval in the upper house of a law to prevent Ukraine from joining NATO",
     [("nato_membership", "support")]),
    ("the ministers welcomed the approval in the upper house of a law to prevent Ukraine from joining NATO",
     [("nato_membership", "oppose")]),
    ("the deputies voted against an attempt by two members to block the delivery of weapons to Kyiv",
     [("military_aid", "support")]),
    ("the deputies voted for an attempt by two members to block the delivery of weapons to Kyiv",
     [("military_aid", "oppose")]),
    ("Anna Berg said the threats would not prevent the alliance from launching new sanctions on Moscow",
     [("sanctions", "support")]),
    ("Ola Moss said Norland would not interfere with the new sanctions on Moscow", [("sanctions", "support")]),
    ("Ola Moss said Norland would interfere with the new sanctions on Moscow", [("sanctions", "oppose")]),
    # the third-person present of a reversing verb, as headlines and leads tell a step, turns the cue
    # as its other forms do
    ("Norland vetoes the new aid package for Kyiv", [("military_aid", "oppose")]),
    ("the premier criticises the new sanctions on Russia", [("sanctions", "oppose")]),
    ("the senator condemns calls for a ceasefire", [("ceasefire", "oppose")]),
    ("Dorvia lifts its sanctions against Moscow", [("sanctions", "oppose")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_claims(nlp, issues, text, expected):
    doc = nlp(text)
    assert [(c.issue, c.stance) for c in find_claims(doc[:], issues)] == expected


def test_ignorecase_fold_covers_every_non_ascii_letter_of_re():
    """The non-ASCII letters that re.IGNORECASE matches with ASCII ones are exactly those the
    cue prefilter folds (else a cue could be skipped in a text it matches)."""
    import re
    import string

    from analysis.stance import FOLD

    everything = "".join(chr(c) for c in range(0x80, 0x110000))
    found = {m.group(): letter for letter in string.ascii_lowercase
             for m in re.finditer(letter, everything, re.IGNORECASE)}
    assert {chr(k): v for k, v in FOLD.items()} == found
    folded = everything.translate(FOLD)
    assert len(folded.lower()) == len(folded)  # positions in the folded text are the text's
    assert all(not re.search(re.escape(c), everything, re.IGNORECASE)
               for c in string.digits + string.punctuation + " ")


PREFILTER_TEXTS = [
    "Anna Berg said a CEASEFIRE must come now and peace talks should start.",
    "Talks first: Anna Berg wants direct talks, then face-to-face negotiations and a ceasefire.",
    "Tom Reed backed a ceaſefire and new ſanctions on Moscow.",  # long s: re.IGNORECASE reads it as "s"
    "Eva Lind rejected a truce; she wants weapons for Ukraine and the release of the hostages.",
    "Nothing here names any issue at all.",
]


@pytest.mark.parametrize("text", PREFILTER_TEXTS)
def test_regex_cue_prefilter_changes_no_match(issues, text):
    """Cues skipped for lack of their literal words would not have matched anyway."""
    from analysis.stance import _regex_matches

    every = [(m.start(), m.end(), issue.id, cue.polarity, cue.weak)
             for issue in issues for cue in issue.cues for m in cue.pattern.finditer(text)]
    assert _regex_matches(text, 0, issues) == every


@pytest.mark.parametrize("pattern, words", [
    (r"\b(peace |direct )?(talks|negotiations)\b", {"talks", "negotiations"}),
    (r"\bcease-?fires?\b", {"cease"}),
    (r"\b(free|release)( of)? (the )?(\w+ )?(hostages|captives)\b", {"hostages", "captives"}),
    (r"\b(a|b)?\w+", None),
])
def test_regex_cue_literal_words(pattern, words):
    import re

    from analysis.stance import _needed

    found, _ = _needed(re.compile(pattern, re.IGNORECASE))
    assert (set(found) if found is not None else None) == words


def test_an_act_yet_to_happen_is_not_taken(nlp):
    """"Hungary is the only state yet to approve the sanctions": the reported act is not done."""
    doc = nlp("Hungary is the only EU state yet to approve the new sanctions against Russia.")
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == [(["Hungary"], "sanctions", "oppose")]


def test_a_reported_act_that_sets_the_scene_is_no_position(nlp):
    """"..., while Western nations imposed sanctions": a past act in a "while"/"as" clause beside
    another main clause is background; the same act as the main clause, or a statement in such a
    clause, is a position."""
    doc = nlp("Imports of oil have grown since the invasion, while Poland imposed new sanctions on Russia.")
    assert [(a.speakers, c.issue) for a, c in doc._.claims] == []
    doc = nlp("Poland imposed new sanctions on Russia while Hungary called for talks.")
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == [
        (["Poland"], "sanctions", "support"), (["Hungary"], "negotiations", "support")]


@pytest.mark.parametrize("text, expected", [
    # the speaker reports another country's step: that country's act, not the speaker's stance
    ("Swedish Foreign Minister Anna Berg said Hungary has agreed to new sanctions against Russia.", []),
    ("Swedish Foreign Minister Anna Berg said Hungary wants peace talks with Russia.", []),
    # a modal clause is the speaker's demand; the speaker's own country is the speaker's voice
    ("Swedish Foreign Minister Anna Berg said Hungary must agree to new sanctions against Russia.",
     [(["Anna Berg"], "sanctions", "support")]),
    ("Swedish Foreign Minister Anna Berg said Sweden has called for new sanctions against Russia.",
     [(["Anna Berg"], "sanctions", "support")]),
])
def test_another_actors_reported_step_is_not_the_speakers(nlp, text, expected):
    """"X said Hungary has agreed to sanctions" reports Hungary's step (ANNOTATION.md): no claim of X."""
    doc = nlp(text)
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == expected


def test_an_allegation_against_the_subject_is_no_position(nlp):
    """"Y has been accused of supplying arms": with no accuser named, the passive tells an allegation
    against Y, not a position Y takes; an accuser named after "by" still speaks."""
    doc = nlp("Belgium has been accused of sending artillery shells to Ukraine.")
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == []
    doc = nlp("Belgium was accused by Poland of blocking new sanctions.")
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == [(["Poland"], "sanctions", "support")]


@pytest.mark.parametrize("text, expected", [
    # a generic noun judged in the next sentence stands for the act named before: turned by a verb
    # that judges against, kept by an approving one
    ("Poland announced new sanctions against Russia on Tuesday. Hungary's foreign minister, Mark Tolnai, "
     "denounced the move.", [(["Poland"], "sanctions", "support"), (["Mark Tolnai"], "sanctions", "oppose")]),
    ("Lithuania said on Friday it would send more artillery to Ukraine. Estonian Prime Minister Liisa Kask "
     "welcomed the decision.", [(["Lithuania"], "military_aid", "support"), (["Liisa Kask"], "military_aid", "support")]),
    # a verb that judges nothing, or a noun that names its own act, recalls nothing
    ("Lithuania said on Friday it would send more artillery to Ukraine. Estonian Prime Minister Liisa Kask "
     "announced the decision.", [(["Lithuania"], "military_aid", "support")]),
    ("Lithuania said on Friday it would send more artillery to Ukraine. Estonian Prime Minister Liisa Kask "
     "criticised the decision to close the border.", [(["Lithuania"], "military_aid", "support")]),
    # an act told turned may itself answer another act: the noun is left alone
    ("Norway said it would lift its sanctions on Russia. Sweden condemned the decision.",
     [(["Norway"], "sanctions", "oppose")]),
    # a noun with its owner ("the bloc's decision", "its plan") names that owner's act: the nearest
    # earlier sentence naming the owner, past a nearer one that tells another act
    ("Valdoria pledged on Monday to ship more artillery to Ukraine. Norway imposed fresh sanctions on Moscow "
     "a day later. Foreign minister Tomas Brevik criticised Valdoria's decision.",
     [(["Valdoria"], "military_aid", "support"), (["Norway"], "sanctions", "support"),
      (["Tomas Brevik"], "military_aid", "oppose")]),
    ("Latvia said it would send more artillery to Ukraine. The Latvian government defended its decision on "
     "Monday.", [(["Latvia"], "military_aid", "support"), (["Latvian government"], "military_aid", "support")]),
    ("Lithuania said on Friday it would send more artillery to Ukraine. Estonian Prime Minister Liisa Kask "
     "backed the plan.", [(["Lithuania"], "military_aid", "support"), (["Liisa Kask"], "military_aid", "support")]),
])
def test_a_judged_generic_noun_recalls_the_act_named_before(nlp, text, expected):
    """"Y denounced the move": the move is the act the nearest earlier sentence with a cue names
    (its issue, its stance as read there), judged by Y."""
    doc = nlp(text)
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == expected


@pytest.mark.parametrize("text, expected", [
    # the judgement the writer quotes after the thing named ends the reported clause: it turns it
    ("Finnish President Liisa Kask called the proposed peace talks “premature.”",
     [(["Liisa Kask"], "negotiations", "oppose")]),
    ("Estonian Prime Minister Mart Tamm described the new sanctions as “counterproductive.”",
     [(["Mart Tamm"], "sanctions", "oppose")]),
    # a quoted word that judges nothing against it keeps the reading
    ("Estonian Prime Minister Mart Tamm called the new sanctions “a necessary step.”",
     [(["Mart Tamm"], "sanctions", "support")]),
])
def test_a_quoted_judgement_after_the_cue_completes_the_clause(nlp, text, expected):
    """"called the duties “counterproductive.”": the quote is cut out of the reported clause as a
    fragment of its own, yet its words judge what the clause names just before it."""
    doc = nlp(text)
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == expected


@pytest.mark.parametrize("text, expected", [
    # Moscow's own officials never back what the catalog aims at Russia: their cue reads against it
    ("Russian Foreign Minister Ivan Sokolov said the West keeps sending weapons to Kyiv.",
     [(["Ivan Sokolov"], "military_aid", "oppose")]),
    ("Russian Foreign Minister Ivan Sokolov said that the statements about membership in NATO show the West's weakness.",
     [(["Ivan Sokolov"], "nato_membership", "oppose")]),
    # anyone else's cue keeps its reading
    ("Polish Foreign Minister Anna Nowak said the West keeps sending weapons to Kyiv.",
     [(["Anna Nowak"], "military_aid", "support")]),
])
def test_a_cue_of_a_speaker_for_the_issues_target_reads_against_it(nlp, text, expected):
    """An issue's target (the catalog's ``target``): a speaker who speaks for that country does not back it."""
    doc = nlp(text)
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == expected


@pytest.fixture(scope="module")
def middle_east_nlp():
    from analysis.catalogs import SHIPPED_DIR
    from analysis.pipeline import load_pipeline

    return load_pipeline(catalog=str(SHIPPED_DIR / "middle-east.toml"))


@pytest.mark.parametrize("text, expected", [
    # the court's own order, the agency's words about its own work: the case, no view of it
    ("On Friday the ICJ ordered Valdora to do all it can to prevent genocide there.", []),
    ("UNRWA said on Monday that the work of UNRWA would go on in every camp.", []),
    # anyone else saying the same keeps the vague cue's reading
    ("Norway told the judges on Friday that Valdora must do all it can to prevent genocide there.",
     [(["Norway"], "international_courts", "support")]),
    ("Norway said on Monday that the work of UNRWA would go on in every camp.",
     [(["Norway"], "unrwa_funding", "support")]),
])
def test_a_body_named_by_a_vague_cue_takes_no_stance_on_it_by_one(middle_east_nlp, text, expected):
    """A speaker whose own name is a weak cue of the issue (the court, the agency) takes no stance on
    that issue by a weak cue: its order or its words about itself are the matter, not a view of it."""
    doc = middle_east_nlp(text)
@pytest.mark.parametrize("text, expected", [
    # a reported deed runs on into the writer's clause, joined by "but" or a concessive or contrasting
    # mark, with a subject of its own: what that clause tells is not the doer's position
    ("Norway requested tanks in May, but the howitzers are missing from the new aid package.", []),
    ("Senator Jane Roe opposed the budget, even though a third of it pays for weapons deliveries to Ukraine.", []),
    # the same clause joined by a plain "and" is left as it was; the doer's own office is the doer's voice
    ("Norway requested tanks in May, and the howitzers are missing from the new aid package.",
     [(["Norway"], "military_aid", "support")]),
    ("Senator Jane Roe voted for the bill on Tuesday, though her office also called for new sanctions on Russia.",
     [(["Jane Roe"], "sanctions", "support")]),
])
def test_the_writers_clause_after_a_reported_deed_is_not_the_doers(nlp, text, expected):
    """"Y requested tanks, but the howitzers are missing from the aid": the writer's clause after Y's deed."""
    doc = nlp(text)
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == expected


@pytest.fixture(scope="module")
def trade_nlp():
    from analysis.catalogs import SHIPPED_DIR
    from analysis.pipeline import load_pipeline

    return load_pipeline(catalog=str(SHIPPED_DIR / "trade-tariffs.toml"))


@pytest.mark.parametrize("text, expected", [
    # a vague cue as what talks, a discussion or a review deal with: the topic, no stance on it
    ("Trade Minister Lena Voss said good progress was being made in the negotiations over the levies.",
     [(["Lena Voss"], "trade_talks", "support")]),
    ("Trade Minister Lena Voss said the duties had not been discussed during the call.", []),
    ("Trade Minister Lena Voss said the panel would now review the duties on cheese.", []),
    # a clear cue there, or a vague one the speaker takes a side on, keeps its reading
    ("Trade Minister Lena Voss said the talks on lower tariffs were going well.",
     [(["Lena Voss"], "trade_talks", "support"), (["Lena Voss"], "tariffs", "oppose")]),
    ("Trade Minister Lena Voss said she opposed the duties.", [(["Lena Voss"], "tariffs", "oppose")]),
])
def test_a_vague_cue_talked_over_or_reviewed_is_only_the_topic(trade_nlp, text, expected):
    """A vague cue that is only what negotiations, a discussion or a review deal with (stance.toml
    discussing) takes no stance; a clear cue in the same place keeps its reading."""
    doc = trade_nlp(text)
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == expected


@pytest.mark.parametrize("text, expected", [
    # a negated relative clause tells who the others are by what they do not do or want: no stance
    # of the speaker, neither read nor turned
    ("Foreign Minister Anna Berg said Norland would host talks with states that have not sent weapons to Ukraine.",
     [(["Anna Berg"], "negotiations", "support")]),
    ("Foreign Minister Anna Berg said the leaders of the two states, who do not wish to renew sanctions on "
     "Russia, were asked to think again.", []),
    # the same clause not negated, or about the speaker's own country, keeps its reading
    ("Foreign Minister Anna Berg said Norland would host talks with states that have sent weapons to Ukraine.",
     [(["Anna Berg"], "negotiations", "support"), (["Anna Berg"], "military_aid", "support")]),
    ("Norwegian Foreign Minister Anna Berg said Norway, which does not want new sanctions on Russia, would abstain.",
     [(["Anna Berg"], "sanctions", "oppose")]),
])
def test_a_negated_relative_clause_about_others_is_no_stance(nlp, text, expected):
    """"talks with states that have not sent weapons": what the others named do not do or want."""
    doc = nlp(text)
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == expected


@pytest.mark.parametrize("text, expected", [
    # Beijing's own officials opposing duties speak of duties on Chinese goods: a curb on China as well
    ("China's commerce ministry said Beijing strongly opposes the planned steel tariffs.",
     [(["China's commerce ministry"], "tariffs", "oppose"), (["China's commerce ministry"], "china_trade_curbs", "oppose")]),
    # anyone else's opposition, or Beijing's own duties, stay duties only
    ("Norway's trade ministry said Oslo strongly opposes the planned steel tariffs.",
     [(["Norway's trade ministry"], "tariffs", "oppose")]),
    ("China's commerce ministry said it imposed tariffs on Nordic salmon.",
     [(["China's commerce ministry"], "tariffs", "support")]),
])
def test_a_measure_opposed_by_the_issues_target_is_one_on_its_own_goods(trade_nlp, text, expected):
    """An issue's target opposing a measure in its own voice opposes it as aimed at itself: also that issue."""
    doc = trade_nlp(text)
    assert [(a.speakers, c.issue, c.stance) for a, c in doc._.claims] == expected
