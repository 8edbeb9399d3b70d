"""Cues of the shipped trade catalog on single clauses (what the speaker says, after the speech verb)."""

import pytest

from analysis.catalog import load_catalog
from analysis.catalogs import SHIPPED_DIR
from analysis.stance import find_claims

CASES = [
    # "criticized X as violating trade rules": the "as" phrase is the speaker's description, the verb does not turn it
    ("Oslo criticized the tariffs as violating World Trade Organization rules",
     [("tariffs", "oppose"), ("free_trade", "support")]),
    # answering tariffs with one's own is retaliation, not support for tariffs
    ("the Nordic states might be forced to respond to any major tariff hike with their own tariffs",
     [("retaliation", "support")]),
    ("Oslo would answer the new steel tariffs with its own duties", [("retaliation", "support")]),
    # retaliating with duties, or over them: the duties are the answer or what it answers
    ("Oslo retaliated by imposing levies on Danish cheese", [("retaliation", "support")]),
    ("Norway imposed retaliatory tariffs on Swedish salmon", [("retaliation", "support")]),
    ("Helsinki hit back over the steel tariffs", [("retaliation", "support")]),
    ("Norway imposed tariffs on Swedish salmon", [("tariffs", "support")]),
    # duties told as the retaliation itself are retaliation, however long the goods they hit are named, and
    # so is their suspension: no tariffs cue read inside them
    ("Norland retaliated by imposing levies on Sylvanian farm products", [("retaliation", "support")]),
    ("Sylvania raised duties on Nordic timber in a retaliatory step", [("retaliation", "support")]),
    ("Estland slapped tariffs on Norland's cheese in retaliation", [("retaliation", "support")]),
    ("the bloc will extend its suspension of retaliatory duties on Sylvanian goods", [("retaliation", "oppose")]),
    # counter-duties promised without the word "retaliate" are retaliation, not support for tariffs
    ("for every duty you impose, another will come in reply", [("retaliation", "support")]),
    ("one tariff will be followed by another in response", [("retaliation", "support")]),
    ("her government will respond with a similar measure", [("retaliation", "support")]),
    # a countermeasure threatened on condition of tariffs answers them
    ("Norland could stop supplying electricity to Sylvania if Paul Drex follows through on his threat to impose "
     "tariffs", [("retaliation", "support")]),
    ("we will cut off their power supply if the tariffs come", [("retaliation", "support")]),
    ("if Sylvania imposes tariffs on Norland, her administration will respond", [("retaliation", "support")]),
    # tariffs threatened on a condition stay tariffs
    ("he would impose tariffs if Norland does not stop the flow of drugs", [("tariffs", "support")]),
    # a "tariff war" is a trade war: the retaliation spiral, not support for tariffs
    ("Finland is prepared to battle Sweden in a tariff war", [("retaliation", "support")]),
    ("the minister warned of a tariff war", [("retaliation", "oppose")]),
    # a worry voiced about a trade war, or about the duties, is opposition to them
    ("Oslo expressed concern about a trade war", [("retaliation", "oppose")]),
    ("the minister fears a tariff war with Sylvania", [("retaliation", "oppose")]),
    ("she voiced concern about the new steel tariffs", [("tariffs", "oppose")]),
    ("the minister is worried about the duties on Nordic cheese", [("tariffs", "oppose")]),
    # the spiral told step by step is a warning against it, not support for tariffs
    ("one tariff will lead to another until we jeopardize our common businesses", [("retaliation", "oppose")]),
    # what tariffs would do to prices and jobs is opposition to them, whatever the modal
    ("tariffs would lead to inflation and job losses", [("tariffs", "oppose")]),
    ("the duties will drive up prices for consumers", [("tariffs", "oppose")]),
    ("tariffs would hurt both economies", [("tariffs", "oppose")]),
    ("they imposed tariffs to protect jobs", [("tariffs", "support")]),
    # a tariff named with its legal basis is one mention, negated as a whole
    ("steel enters without the 25 percent tariff imposed under Section 232", [("tariffs", "oppose")]),
    # investigating the duties themselves, or bringing a case against them, opposes them
    ("the ministry is launching an anti-discrimination investigation into the tariffs", [("tariffs", "oppose")]),
    ("Oslo filed a complaint against the new steel duties", [("tariffs", "oppose")]),
    # a challenge brought against another's duties, by the noun or the verb, opposes them
    ("Norland lodged a challenge on U.S. duties on its timber", [("tariffs", "oppose")]),
    ("Oslo will challenge Sylvania over its levies on salmon", [("tariffs", "oppose")]),
    ("Oslo contested the new steel duties", [("tariffs", "oppose")]),
    # the harm told from the side hit by the tariffs
    ("our steel industries have been unfairly hit by these tariffs", [("tariffs", "oppose")]),
    ("farmers were hurt badly by the new duties", [("tariffs", "oppose")]),
    # a supply chain is where goods come from, no stance on open trade (resilient chains are often
    # built at home)
    ("the aim is to invest in strategic projects along the entire supply chain", []),
    ("Oslo holds a key position in the global supply chain", []),
    # a worry or concern about subsidies is opposition to them
    ("the ministers note with concern the new export control measures on rare metals", [("china_trade_curbs", "oppose")]),
    ("the minister voiced her worry about the new battery tax credits", [("green_subsidies", "oppose")]),
    ("she raised concern that the law restricting tax credits for cars may break trade rules", [("green_subsidies", "oppose")]),
    ("the minister welcomed the tax credits for clean cars", [("green_subsidies", "support")]),
    # discrimination is a charge against subsidies only where no other measure is charged: not a digital tax or a
    # law on online platforms, a measure aimed at China, fair treatment asked for or a probe so named
    ("the senators argued the online news law was discriminatory", [("digital_taxes", "oppose")]),
    ("Norland's digital services tax is discriminatory", [("digital_taxes", "oppose")]),
    ("the ministry firmly rejects Norland's discriminatory curbs on steel produced in China",
     [("china_trade_curbs", "oppose")]),
    ("Beijing asked Norland for non-discriminatory treatment of its firms", []),
    ("Norland opened an anti-discrimination probe", []),
    ("the rules discriminate against foreign cars", [("green_subsidies", "oppose")]),
    # subsidies judged by their noun forms, or investigated, are opposed; China's are the case for curbs
    ("the massive subsidization of the sector worries us", [("green_subsidies", "oppose")]),
    ("there is a massive subsidization of that industry on behalf of the Chinese government",
     [("china_trade_curbs", "support")]),
    ("the ministry is investigating foreign subsidies in the sector", [("green_subsidies", "oppose")]),
    ("the bloc opened an investigation into Chinese car subsidies", [("china_trade_curbs", "support")]),
    # "the U.S." inside the concern does not end it; addressing the concerns is talks, what they are about stays
    ("she voiced concerns about the U.S. tax credits for electric cars", [("green_subsidies", "oppose")]),
    ("the minister wants to address Oslo's concerns over the U.S. Inflation Reduction Act",
     [("trade_talks", "support"), ("green_subsidies", "oppose")]),
    # accusing China of dumping its goods is the case for curbs on them
    ("the surplus allows China to cheaply price and dump products into our market", [("china_trade_curbs", "support")]),
    ("the minister denounced the dumping of subsidised Chinese steel", [("china_trade_curbs", "support")]),
    # China's goods said to flood markets are the case for curbs on them
    ("China is flooding world markets with underpriced scooters", [("china_trade_curbs", "support")]),
    ("the ministry wants to shield the shipyards from a flood of cheap Chinese ferries", [("china_trade_curbs", "support")]),
    # tariffs named as the price of failing to agree are the case for a deal, not for tariffs
    ("failure to reach an agreement would mean the return of tariffs on both sides", [("trade_talks", "support")]),
    # a trade deal judged good or bad, or one in force defended, is a view on open trade, not on talks
    ("the deal would be very beneficial for both Norland and the bloc", [("free_trade", "support")]),
    ("President Jan Holm called the pact with the southern bloc a \"bad deal\"", [("free_trade", "oppose")]),
    ("we have a trade deal that works for all three countries", [("free_trade", "support")]),
    ("our first preference is to maintain that foundational trade agreement", [("free_trade", "support")]),
    # a trade pact or customs union renewed, modernised or widened is the case for open trade
    ("the minister stressed the importance of modernising the customs union", [("free_trade", "support")]),
    ("Oslo wants to renew the trade pact with Sylvania", [("free_trade", "support")]),
    ("they want the preference agreement to be renewed before it ends", [("free_trade", "support")]),
    # a trade agreement itself welcomed, backed, joined or fought is a view on open trade, not on talks
    ("the Norland premier welcomed the conclusion of the pact with Sylvania", [("free_trade", "support")]),
    ("Sylvania strongly backs the agreement", [("free_trade", "support")]),
    ("the fishermen of Norland oppose the sweeping new trade deal with the southern bloc", [("free_trade", "oppose")]),
    ("growers staged protests against the proposed trade treaty", [("free_trade", "oppose")]),
    ("Sylvania rejected the deal", [("free_trade", "oppose")]),
    # a trade agreement praised by the weight given to it is a view on open trade
    ("the minister called the pact with Sylvania a landmark agreement for both peoples", [("free_trade", "support")]),
    ("this is a historic partnership between our two harbours", [("free_trade", "support")]),
    # welcoming talks on an agreement stays talks
    ("the minister welcomed the start of talks on a trade agreement", [("trade_talks", "support")]),
    # the way out of a dispute named by the step towards it, and discussions named by where they stand
    ("the envoy asked the senators to quickly come up with solutions", [("trade_talks", "support")]),
    ("the two ministers will discuss possible solutions to the cheese dispute", [("trade_talks", "support")]),
    ("Oslo hopes to seek a swift resolution with Sylvania", [("trade_talks", "support")]),
    ("the carmaker called for further discussions with Sylvania", [("trade_talks", "support")]),
    ("he stressed the importance of the upcoming discussions", [("trade_talks", "support")]),
    ("the solar panel is an affordable solution", []),
    ("we are simply asking for a fair deal", []),
    # a deal signed, in force or done is no call for talks
    ("for the very first time in a trade deal, we have included commitments on climate", []),
    ("Oslo signed the deal on Friday", []),
    ("the trade deal should come into force over the next six months", []),
    ("the deal was “based on mutual benefits”", []),
    ("it is a trade deal that was negotiated by the former president", []),
    ("the quota is far higher than what has been negotiated by the bloc", []),
    ("the two sides hope to reach a deal by June", [("trade_talks", "support")]),
    ("we want a trade deal with Norland", [("trade_talks", "support")]),
    # talks named by their noun or held on: "a resolution of remaining trade impediments", "continue discussions"
    ("we want a resolution of remaining trade impediments", [("trade_talks", "support")]),
    # the disputes counted, qualified or in the plural, and solutions agreed by both: still the case for talks
    ("Oslo and Sylvania agreed to resolve four outstanding disputes", [("trade_talks", "support")]),
    ("both leaders welcomed the settlement of three old WTO disputes", [("trade_talks", "support")]),
    ("the two sides want mutually agreed solutions", [("trade_talks", "support")]),
    ("the two sides agreed to continue discussions on the steel issue", [("trade_talks", "support")]),
    # removing barriers, named by the noun or a synonym, is open trade
    ("we seek the removal of trade barriers on wine", [("free_trade", "support")]),
    ("Freedonia wants to lift the remaining impediments on its wine", [("free_trade", "support")]),
    ("Oslo erected new trade barriers", [("free_trade", "oppose")]),
    # standing against trade used as a weapon is the case for rules-based trade; the charge alone is no stance
    ("the ministers pledged a common front against economic coercion", [("free_trade", "support")]),
    ("Ruritania will never tolerate coercive trade practices by its neighbours", [("free_trade", "support")]),
    ("the envoys were disturbed by coercive economic measures aimed at small exporters", [("free_trade", "support")]),
    ("Valdoria is accused of economic coercion", []),
    # the rules-based trading order, with the word for its reach between
    ("small exporters rely on a rules-based international trading order", [("free_trade", "support")]),
    ("Oslo stands by the multilateral global trade regime", [("free_trade", "support")]),
    # a deal named with the stage it is at
    ("the proposed deal would also reduce the trade surplus", [("trade_talks", "support")]),
    ("she hopes for a possible truce before the summer", [("trade_talks", "support")]),
    # a purpose phrase after a reversing verb's object is an aim of its own, not turned with the object
    ("the government suspended the tariffs in an effort to negotiate a compromise",
     [("tariffs", "oppose"), ("trade_talks", "support")]),
    ("Oslo lifted the duties in a bid to reach a deal", [("tariffs", "oppose"), ("trade_talks", "support")]),
    # opposing violations of the rules holds the rules
    ("Oslo will oppose any violations of free trade rules", [("free_trade", "support")]),
    ("Oslo refused to negotiate", [("trade_talks", "oppose")]),
    # curbs named by the sum of Chinese imports they hit, or by the exports or sales they restrict
    ("the government is hiking tariffs on $18 billion worth of Chinese imports", [("china_trade_curbs", "support")]),
    ("Oslo is tightening the export of chip tools", [("china_trade_curbs", "support")]),
    ("Oslo is restricting the overseas sale of chipmaking machines", [("china_trade_curbs", "support")]),
    # a hyphenated word between the removing verb and the duties keeps the removal
    ("the ministry advised the commission to remove anti-dumping and countervailing duties on grain imports",
     [("tariffs", "oppose")]),
    ("Oslo will roll back anti-subsidy duties on salmon", [("tariffs", "oppose")]),
    # tariffs whose aim is China, named later in the clause, are curbs on China, not tariffs in general
    ("the tariffs block China's push to dominate solar", [("china_trade_curbs", "support")]),
    ("these duties combat China's unfair subsidies", [("china_trade_curbs", "support")]),
    ("the new tariffs hit Swedish farmers", [("tariffs", "support")]),
    # a legal case dropped or paused is a step in the procedure, no stance on its subject or its forum
    ("Freedonia suspended its WTO complaint over the cheese duties to give Sylvania time to review them", []),
    ("Freedonia will abandon its World Trade Organization challenge", []),
    ("Freedonia in April suspended its complaint over the cheese tariffs at the WTO", []),
    ("Freedonia decided to withdraw a complaint it filed with the WTO against Sylvania", []),
    ("Freedonia filed a complaint with the WTO against the steel duties", [("free_trade", "support"), ("tariffs", "oppose")]),
    # keeping supply chains whole is the case against curbs
    ("Jan Holm urged the premier to avoid disrupting the global supply chain", [("china_trade_curbs", "oppose")]),
    # the abuse of trade remedies is how the side hit by them words its objection, as of export controls
    ("the new probe is an abuse of trade remedy measures", [("china_trade_curbs", "oppose")]),
    # the formula of a reply to a curb named before: firmly opposing "the investigation", "such measures"
    ("the ministry said it \"firmly opposes\" the investigation", [("china_trade_curbs", "oppose")]),
    ("the spokeswoman said Beijing was strongly opposed to the Nordic decision", [("china_trade_curbs", "oppose")]),
    # a decision named by what it does is that issue's
    ("Oslo strongly opposes the decision to impose tariffs on Nordic salmon", [("tariffs", "oppose")]),
    # rejecting an allegation denies what one is accused of: the accuser's words are no stance
    ("the steel association rejects claims of a lack of cooperation", []),
    ("the steel association rejects any cooperation", [("trade_talks", "oppose")]),
    # China's own subsidies or unfair advantage named as such: the case for curbs, not a view on subsidies
    ("China heavily subsidized all these products", [("china_trade_curbs", "support")]),
    ("actors like China have chosen to give themselves an unfair advantage", [("china_trade_curbs", "support")]),
    # accusing China of unfair trade is the case for curbs on it; accusing another stays a view on subsidies
    ("the commission accuses China of unfair subsidies", [("china_trade_curbs", "support")]),
    ("the commission accuses Beijing of distorting the market", [("china_trade_curbs", "support")]),
    # a negated verb turns the cue its phrase holds, however far the cue stands from the negator
    ("Oslo would not under any circumstances vote in favour of the tariffs on Chinese cars",
     [("china_trade_curbs", "oppose")]),
    ("the envoy was told not to vote in favour of such tariffs on Chinese cars", [("china_trade_curbs", "oppose")]),
    # a dispute brought over a digital services tax opposes it
    ("Oslo requested dispute talks with Stockholm over its new digital services tax", [("digital_taxes", "oppose")]),
    ("Oslo prepared retaliatory actions against digital services taxes",
     [("retaliation", "support"), ("digital_taxes", "oppose")]),
    # a reversing verb turns its object, not a relative clause that describes the object
    ("Oslo opposes digital services taxes that discriminate against U.S. companies",
     [("digital_taxes", "oppose"), ("digital_taxes", "oppose")]),
    # the other words for a duty on imports are tariffs too: levies, surcharges, import taxes
    ("the minister criticised the new import surcharges", [("tariffs", "oppose")]),
    ("Oslo will not accept unfair levies on its aluminium", [("tariffs", "oppose")]),
    ("Oslo will impose levies on imported cheese", [("tariffs", "support")]),
    ("import taxes would hurt consumers", [("tariffs", "oppose")]),
    # what duties named with their goods would do
    ("the levies on Swedish cars would drive up prices", [("tariffs", "oppose")]),
    ("tariffs on Swedish cars will protect jobs", [("tariffs", "support")]),
    # the whole family of taking duties away, verbs and nouns
    ("Oslo will scrap the duties on cheese", [("tariffs", "oppose")]),
    ("the government will lower its tariffs on cars", [("tariffs", "oppose")]),
    ("the minister welcomed the removal of the levies", [("tariffs", "oppose")]),
    ("she hailed the reduction of tariffs on wine", [("tariffs", "oppose")]),
    ("the tariff cuts are good news for farmers", [("tariffs", "oppose")]),
    # curbs on China named by what they target, or by the list that holds the firms
    ("the minister criticised the new chip curbs", [("china_trade_curbs", "oppose")]),
    ("Oslo backs curbs on Chinese chipmakers", [("china_trade_curbs", "support")]),
    ("the government added two Chinese firms to the entity list", [("china_trade_curbs", "support")]),
    # willingness to compromise is the stance on a deal; compromising on something, or endangering it, is not
    ("Oslo is ready to make compromises", [("trade_talks", "support")]),
    ("there is no reason to compromise", [("trade_talks", "oppose")]),
    ("national security could be compromised", []),
    # quotas, bans and licensing on imports are barriers to open trade, not tariffs; a tariff-rate quota too:
    # kept or imposed they are opposed, lifted or complained about they are the case for open trade
    ("Oslo will keep the quotas on imports of lamb", [("free_trade", "oppose")]),
    ("the ministry defended the restriction on the import of printers", [("free_trade", "oppose")]),
    ("Oslo lifted the ban on duty-free imports", [("free_trade", "support")]),
    ("serious concerns persist about Sylvania's approach to tariff rate quota allocation", [("free_trade", "support")]),
    ("Oslo requested a dispute panel over Sylvania's dairy tariff-rate-quota measures", [("free_trade", "support")]),
    # ... also named by whose barrier it is, or by the noun of the step that takes it away
    ("the premier pressed Valdoria to scrap Sylvania's import ban on apples", [("free_trade", "support")]),
    ("our growers hope for an end to the seasonal import quotas on pears", [("free_trade", "support")]),
    ("the abolition of the import licensing requirements is overdue", [("free_trade", "support")]),
    # the barrier named alone is the topic: those it hits name it too
    ("the fishermen suffer under the import ban on seafood", []),
    # subsidies criticised by what they start or cause, or a law asked to be changed, are opposed
    ("the tensions risk starting subsidy races", [("green_subsidies", "oppose")]),
    ("certain elements of the Sylvanian subsidy law raised a number of concerns", [("green_subsidies", "oppose")]),
    ("Oslo urged Sylvania to amend the Inflation Reduction Act", [("green_subsidies", "oppose")]),
    # China's state aid under another name is the case for curbs on China, not a view on subsidies
    ("the bloc opened an investigation into China's state support for its turbine makers",
     [("china_trade_curbs", "support")]),
    ("Chinese carmakers have been given state subsidies", [("china_trade_curbs", "support")]),
    # a duty on China's goods under another name, and subsidies named by the Chinese firms that get them or
    # probed there, are curbs on China, not a tariff or a view on subsidies
    ("the bloc announced a surcharge on Chinese electric scooters", [("china_trade_curbs", "support")]),
    ("Oslo slapped a 25 percent surtax on steel made in China", [("china_trade_curbs", "support")]),
    # barriers on what comes in from China are curbs on China, not a view of open trade in general
    ("Sylvania put quotas on parts made in China", [("china_trade_curbs", "support")]),
    ("Norland is planning a ban on imports from China's western provinces", [("china_trade_curbs", "support")]),
    ("Sylvania imposed a ban on imports from China", [("china_trade_curbs", "support")]),
    ("the ban on imports of Danish pork stays", []),
    # unfair competition charged without subsidies named is no view on subsidies
    ("the minister called the plan another example of unfair competition", []),
    # working at home, with colleagues, one's government or industry, is no talks; with the other party it is
    ("we work with colleagues in the treasury on the figures", []),
    ("the federation acts in close cooperation with its government", []),
    ("we must work together with partner governments and the private sector", []),
    ("we are working with Sylvania", [("trade_talks", "support")]),
    # the goods named in a list or at length before where they are made
    ("Oslo will impose new duties on bicycles, scooters and tyres made in China", [("china_trade_curbs", "support")]),
    ("the bloc put a tariff on imports of electric buses assembled in China", [("china_trade_curbs", "support")]),
    ("the commission opened a subsidies probe into Chinese bidders for the port contract",
     [("china_trade_curbs", "support")]),
    ("the agency suspects a misuse of subsidies by the two Chinese firms", [("china_trade_curbs", "support")]),
    ("Oslo put duties on subsidised Chinese ferries", [("china_trade_curbs", "support")]),
    # who imposes a duty on whom: anti-dumping duties on another's goods are a tariff; on China's a curb on China
    ("Southland imposed anti-dumping duties on Northland cheese", [("tariffs", "support")]),
    ("the bloc imposed anti-dumping duties on steel from China", [("china_trade_curbs", "support")]),
    # duties on China told apart from China by a clause, a sum or a list of those hit stay a curb on China
    ("the tariffs that the Nordic states placed on Chinese goods", [("china_trade_curbs", "support")]),
    ("the levies imposed by Sylvania on China last year", [("china_trade_curbs", "support")]),
    ("Sylvania placed duties on tens of billions of euros of Chinese steel", [("china_trade_curbs", "support")]),
    ("he will hit Norland, China and Estland with tariffs", [("china_trade_curbs", "support")]),
    ("he will hit Norland and Estland with tariffs", [("tariffs", "support")]),
    ("the duties imposed by Sylvania on Danish cheese", [("tariffs", "support")]),
    # a challenge to the duties, or their removal told in the passive, opposes them
    ("Oslo launched a challenge on the duties", [("tariffs", "oppose")]),
    ("tariffs are set to be slashed", [("tariffs", "oppose")]),
    ("the tariffs were raised", [("tariffs", "support")]),
    # a signed deal praised is the case for open trade, not talks
    ("the deal, agreed last year after four years of tough negotiations, is ambitious and well balanced",
     [("free_trade", "support")]),
    # a measure called regrettable is opposed
    ("the initiation of an anti-dumping investigation into Chinese salmon is regrettable",
     [("china_trade_curbs", "oppose")]),
    # a measure on another country's goods is no curb on China, whoever takes it
    ("the initiation of an anti-dumping investigation into Nordic salmon is regrettable", []),
    ("Oslo opened an anti-subsidy probe into the Danish ferries", []),
    ("Oslo imposed countervailing duties on Danish ferries", [("tariffs", "support")]),
    ("Oslo opened an anti-subsidy probe into Chinese ferries", [("china_trade_curbs", "support")]),
    ("the new steel tariffs are regrettable", [("tariffs", "oppose")]),
    # undoing a measure reverses it: getting rid of it, dismantling it
    ("Anna Berg said the country must get rid of the tariffs on steel", [("tariffs", "oppose")]),
    ("the government will dismantle the tariffs on steel", [("tariffs", "oppose")]),
    # a measure charged with breaking trade rules or obligations is a case for them; one's own measure called
    # consistent with them, or said not to break them, is its defence
    ("Norland's import quotas are 'inconsistent' with its trade commitments", [("free_trade", "support")]),
    ("the new quota is inconsistent with Norland's obligations under that trade pact", [("free_trade", "support")]),
    ("the new rules breach Estland's trade agreement obligations", [("free_trade", "support")]),
    ("the measures do not breach trade rules", []),
    ("our measures are consistent with our trade obligations", []),
    # a trade deal judged good or fair, or by the chances it brings, is a view of open trade; negated it opposes
    ("the pact with the southern bloc is not a good agreement", [("free_trade", "oppose")]),
    ("we want a good deal for our growers", [("free_trade", "support")]),
    ("the accord will generate substantive new economic opportunities", [("free_trade", "support")]),
    ("the agreement will boost cooperation, investments and business opportunities", [("free_trade", "support")]),
    ("it is of huge benefit to both partners", [("free_trade", "support")]),
    ("reaching the target requires a great deal of effort", []),
    # engagement named by its kind is talks, like "engage with"
    ("the accord is the result of two years of bilateral engagement between Norland and Sylvania",
     [("trade_talks", "support")]),
    ("we hope this can serve as a model for trade policy engagement in the region", [("trade_talks", "support")]),
    # a subsidy law judged by the terms it sets, or by whom it leaves out, is opposed, not backed
    ("the Nordic battery grants come with far too many strings attached", [("green_subsidies", "oppose")]),
    ("the Sylvanian chip subsidy scheme has too many requirements", [("green_subsidies", "oppose")]),
    ("we see several unusual conditions unlike any subsidies our ministry grants", [("green_subsidies", "oppose")]),
    ("the Sylvanian subsidies include clauses that would hamper joint research", [("green_subsidies", "oppose")]),
    ("the scheme excludes turbines assembled in Norland from the new incentives", [("green_subsidies", "oppose")]),
    ("the tax credits are a boost for our solar makers", [("green_subsidies", "support")]),
    # curbs on technology named by what they keep from the buyer are curbs on China, wherever the country stands
    ("Sylvania has tightened its controls over semiconductor exports", [("china_trade_curbs", "support")]),
    ("the rules add limits on access to advanced microchips", [("china_trade_curbs", "support")]),
    ("the measures cut Chinese chipmakers off from modern lithography tools", [("china_trade_curbs", "support")]),
    ("Sylvania wants to keep high-end chipmaking equipment away from Beijing", [("china_trade_curbs", "support")]),
    # discontent, anger or reservations voiced over a deal or a measure oppose it
    ("Norwegian dairy farmers voiced their discontent over the planned free trade agreement with Sylvania",
     [("free_trade", "oppose")]),
    ("the ministry expressed reservations about the new steel duties", [("tariffs", "oppose")]),
    ("fishermen in Estland are angry about the levies on their catch", [("tariffs", "oppose")]),
    # a measure judged of doubtful worth is not wanted
    ("the association described the tariff increase on Norland steel as highly doubtful", [("tariffs", "oppose")]),
    # talks named by the body set up for them or by the partners met
    ("Norland and Estland agreed to set up a framework to discuss their rules on chemical exports",
     [("trade_talks", "support")]),
    ("officials in Oslo were discussing the new terms with their Danish counterparts", [("trade_talks", "support")]),
    # a deal still to be got done, named by the last step towards it, is talks; the past is a deal done
    ("the two governments hope to finalise the fisheries agreement before winter", [("trade_talks", "support")]),
    ("the minister wants to seal an agreement on salmon by the summer", [("trade_talks", "support")]),
    ("Norland and Estland are now close to an agreement on timber quotas", [("trade_talks", "support")]),
    # nearness stated at its highest is no negation: "never been this close to a deal"
    ("the envoy said they had never been this close to sealing the timber deal", [("trade_talks", "support")]),
    ("Norland concluded the pact with Estland last year", []),
    ("we conclude that the agreement has failed our growers", []),
    # talks held, told with "have": "will have further discussions"
    ("the minister had constructive discussions with the Danish delegation", [("trade_talks", "support")]),
    # talks told as the history of a deal done, or as an office held, are no stand on talks
    ("Norland and Sylvania put their names to a long-negotiated cheese pact on Friday", []),
    ("Ola Brenn, the junior minister in charge of negotiations with the Danes, visited a fish market", []),
    # a deal done, praised: a view of the deal (open trade), not of talks
    ("in the envoy's words, the deal is \"the most ambitious\" pact her island has ever signed",
     [("free_trade", "support")]),
    # trade called rules-based, in any order or spelling, is the case for open trade
    ("commerce across the strait has to stay rules-based", [("free_trade", "support")]),
    ("the islands pledged to uphold a fair and rule-based trading system", [("free_trade", "support")]),
    # the diplomatic form of a protest at a measure is how the country it targets objects to curbs
    ("the ministry made solemn representations to Sylvania about the new rules",
     [("china_trade_curbs", "oppose")]),
    ("the ministry is deeply dissatisfied with and resolutely opposes the new rules",
     [("china_trade_curbs", "oppose")]),
    ("the farmers are strongly dissatisfied with the new rules", []),
    # a closer economic relationship between two partners is what talks and trade initiatives are for
    ("the new framework is meant to broaden the trade and investment relationship of the two islands",
     [("trade_talks", "support")]),
    ("Norland and Estland want to strengthen their commercial ties", [("trade_talks", "support")]),
    ("the ferry link strengthens cultural ties between the towns", []),
    # protectionism named is a charge against another's course or measures: the case for open trade, whatever
    # verb or worry frames it; asked for by name it is the one stance for it; denied of a measure, no charge
    ("the islands keep drifting towards protectionism", [("free_trade", "support")]),
    ("the ministry raised worries about the protectionist steps Sylvania has planned", [("free_trade", "support")]),
    ("Norland told Estland to steer clear of protectionist rules", [("free_trade", "support")]),
    ("Norland joins the campaign against what it calls protectionist farm rules in Estland",
     [("free_trade", "support")]),
    ("we need more protectionism", [("free_trade", "oppose")]),
    ("the new levies are not protectionist", [("tariffs", "support")]),
    # subsidies that keep fuel or fishing cheap are no clean-industry subsidies
    ("the pact reflects our aim of phasing out fossil fuel subsidies", []),
    ("the ministers could not agree on new limits to fishing subsidies", []),
    ("Norland criticised the subsidies for its battery makers", [("green_subsidies", "oppose")]),
    # national security given as the ground of a curb on trade or investment backs the curb; called a mere pretext,
    # it is the objection to it (the ground of duties on steel stays with the duties)
    ("the ministry will act firmly when foreign takeovers threaten our national security", [("china_trade_curbs", "support")]),
    ("the agency opened a probe into the dangers to public and national security posed by Sylvanian-made drones",
     [("china_trade_curbs", "support")]),
    ("Norland told two Sylvanian firms to divest their stakes in its copper mines, citing national security",
     [("china_trade_curbs", "support")]),
    ("Sylvania treats national security as an excuse to shut out our firms", [("china_trade_curbs", "oppose")]),
    ("Sylvania imposed tariffs on Nordic steel in 2019, citing national security", [("tariffs", "support")]),
    # curbs named by what they hold back, China's rise, are curbs on China; its rise said to be beyond holding back
    # is against them (another country's growth is no such curb)
    ("the campaign aimed at containing China's development has to end", [("china_trade_curbs", "support")]),
    ("the export rules are meant as a brake on its economic rise", [("china_trade_curbs", "support")]),
    ("China's industrial rise cannot be contained", [("china_trade_curbs", "oppose")]),
    ("the campaign aimed at containing Sylvania's development has to end", []),
    # trade named by the way it should flow, by the conditions asked for it, or a country opening wider, is open trade
    ("the ministers want a return to unhindered commerce between the islands", [("free_trade", "support")]),
    ("the talks covered the need for smooth cross-border trade in timber", [("free_trade", "support")]),
    ("the leaders agreed to build a stable, open and predictable setting for trade and investment",
     [("free_trade", "support")]),
    ("Sylvania will keep opening further to the outside world", [("free_trade", "support")]),
    ("Sylvania wants a stable climate", []),
    # a duty on Chinese goods named by its level or its rise is a curb on China (on other goods, a tariff)
    ("Norland wants to triple the current tariff rate on Chinese copper", [("china_trade_curbs", "support")]),
    ("the ministry criticised the tariff hikes on Chinese bicycles", [("china_trade_curbs", "oppose")]),
    ("Sylvania plans a further duty increase on scooters and tyres made in China", [("china_trade_curbs", "support")]),
    ("Sylvania raised the tariff rate on Danish cheese", [("tariffs", "support")]),
]


@pytest.fixture(scope="module")
def trade_issues():
    return load_catalog(str(SHIPPED_DIR / "trade-tariffs.toml"))


@pytest.mark.parametrize("text, expected", CASES)
def test_trade_claims(nlp, trade_issues, text, expected):
    assert [(c.issue, c.stance) for c in find_claims(nlp(text)[:], trade_issues)] == expected


# a vague cue yields to a clear one on the same issue in the same statement that says the opposite
STATEMENTS = [
    ("Nordic Trade Commissioner Anna Berg said the subsidy policy constitutes discrimination against Nordic carmakers.",
     [("Anna Berg", "green_subsidies", "oppose")]),
    # a bare definite mention ("the tariffs", "such tariffs") speaks of the tariffs named before it
    ("The commission wants tariffs on electric cars from China. Nordic Trade Commissioner Anna Berg said she would "
     "vote against the introduction of the tariffs.", [("Anna Berg", "china_trade_curbs", "oppose")]),
    ("The commission wants tariffs on electric cars from China. Nordic Trade Commissioner Anna Berg said such "
     "tariffs would hurt Nordic carmakers.", [("Anna Berg", "china_trade_curbs", "oppose")]),
    # ... and so does a chain of such mentions, each taking the issue the first one named
    ("The commission wants tariffs on electric cars from China. Trade Minister Anna Berg said the tariffs were "
     "justified. Prime Minister Jan Holm said he would vote against the tariffs.",
     [("Anna Berg", "china_trade_curbs", "support"), ("Jan Holm", "china_trade_curbs", "oppose")]),
    # an earlier mention that names no country tells what was said of the thing, not which thing it is:
    # the later cue keeps its own issue (a deal judged is a view of open trade, not of the talks)
    ("Norland and Estland spent six years on a trade deal. Prime Minister Jan Holm firmly rejected the deal during "
     "a television interview.", [("Jan Holm", "free_trade", "oppose")]),
    ("Negotiators from Norland and Estland met again over the trade deal. Farm Minister Anna Berg said the deal "
     "would be hugely beneficial for her growers.", [("Anna Berg", "free_trade", "support")]),
    ("Norland answered with retaliatory tariffs on Estland's timber. Trade Minister Anna Berg said her fishermen "
     "had been badly hurt by these tariffs.", [("Anna Berg", "tariffs", "oppose"), ("Norland", "retaliation", "support")]),
    # ... but a mention that names its own country target keeps the issue it names
    ("Oslo raised the tariffs on steel. Trade Minister Anna Berg said these tariffs block China's push to dominate "
     "solar.", [("Anna Berg", "china_trade_curbs", "support")]),
    # countries listed after "Alongside" all vote
    ("Alongside Norway, Iceland, Denmark and Finland voted against the tariffs on electric cars from China.",
     [("Denmark", "china_trade_curbs", "oppose"), ("Finland", "china_trade_curbs", "oppose"),
      ("Iceland", "china_trade_curbs", "oppose"), ("Norway", "china_trade_curbs", "oppose")]),
    # tariffs named as what a question, dispute or review is about are a topic, no stance
    ("Chancellor Anna Berg and Prime Minister Jan Holm were both disapproving when asked about the Sylvanian tariff "
     "increase on electric vehicles.", []),
    ("Premier Anna Berg said she remained hopeful of a breakthrough in a trade dispute with Sylvania over wine tariffs.",
     []),
    ("“Minister Holm confirmed that Sylvania’s expedited review of barley duties is on track,” Anna Berg said.", []),
    # a step forgone only on a condition is the step held meanwhile, not refused
    ("Paul Drex said he would not go ahead with the tariffs if borders were secured.", [("Paul Drex", "tariffs", "support")]),
    ("Paul Drex said he would not impose tariffs.", [("Paul Drex", "tariffs", "oppose")]),
    # a quoted fragment is read with the words around it, not on its own
    ("Finance Minister Anna Berg cautioned the bloc against igniting a “trade war,” stressing the need for a "
     "negotiated resolution.", [("Anna Berg", "retaliation", "oppose"), ("Anna Berg", "trade_talks", "support")]),
    # the writer's guess at a motive ("in apparent retaliation") is no stance of the sentence's subject
    ("Last week, Norland vowed to lift its curbs on chemicals to Estland, in place since 2019 in apparent retaliation "
     "against a court ruling.", []),
    # a government retaliating states its stance by the act, without a verb of saying
    ("Finland hit back with tariffs on Swedish boats.", [("Finland", "retaliation", "support")]),
    ("Norway retaliated with duties on Danish cheese.", [("Norway", "retaliation", "support")]),
    ("The new tariffs hit Swedish farmers hard.", []),
    # pausing a measure states the stance it takes, like suspending it, whatever the duties are called
    ("Norland has paused its duties on Estland's timber.", [("Norland", "tariffs", "oppose")]),
    ("Prime Minister Jan Holm paused the levies on Danish cheese in favour of quotas.", [("Jan Holm", "tariffs", "oppose")]),
    # enacting a measure states the stance it takes
    ("Finland enacted restrictive measures on the sales of chip technology.", [("Finland", "china_trade_curbs", "support")]),
    # so does bringing one in, finite with its subject; its participle only sets a scene
    ("Norway introduced a 60 per cent tariff on Swedish barley last spring.", [("Norway", "tariffs", "support")]),
    ("In May, the Norwegian government introduced new curbs on sales of chip machines to China.",
     [("Norwegian government", "china_trade_curbs", "support")]),
    ("By introducing new tariffs on Swedish salmon, Norway is strengthening its hand.", []),
    ("The Nordic Commission accuses Sweden of unfair subsidies.", [("Nordic Commission", "green_subsidies", "oppose")]),
    # an unfair advantage through another's subsidies stays a view on subsidies
    ("Nordic Trade Commissioner Anna Berg said Sweden's subsidies give it an unfair advantage.",
     [("Anna Berg", "green_subsidies", "oppose")]),
    # launching a procedure or talks states what it is for
    ("The Nordic Commission launched an anti-subsidy investigation into Chinese electric cars.",
     [("Nordic Commission", "china_trade_curbs", "support")]),
    ("Trade Minister Anna Berg has launched discussions with Danish officials to address Oslo's concerns over the "
     "U.S. Inflation Reduction Act.", [("Anna Berg", "green_subsidies", "oppose"), ("Anna Berg", "trade_talks", "support")]),
    # "a plan by X to ...": what the plan says is X's, whoever rejects it
    ("Norway rejected a plan by Sweden to lift the tariffs.",
     [("Norway", "tariffs", "support"), ("Sweden", "tariffs", "oppose")]),
    # a measure with its author after a participle is the author's; those reacting to it take no stance
    ("Norland and Estland are scrambling to respond to the 25% tariff proposed by Paul Drex on Monday.",
     [("Paul Drex", "tariffs", "support")]),
    ("Trade Minister Anna Berg said Norland rejected the tariffs proposed by Paul Drex.",
     [("Anna Berg", "tariffs", "oppose"), ("Paul Drex", "tariffs", "support")]),
    # a quote after "the approach suggested by X" is X's
    ("So the approach to the tariff threats suggested by Nordic Trade Commissioner Anna Berg in a radio interview "
     "— “not to retaliate, but to negotiate” — makes sense.",
     [("Anna Berg", "retaliation", "oppose"), ("Anna Berg", "trade_talks", "support")]),
    # a law's name in quote marks is no quote: it stays in the statement around it
    ("Nordic Trade Commissioner Anna Berg said the subsidy policy in the “Inflation Reduction Act” constitutes "
     "discrimination against Nordic carmakers.", [("Anna Berg", "green_subsidies", "oppose")]),
    # the country a curb is aimed at speaks against it, whatever words it uses for the curb
    ("China's commerce ministry said on Monday that decoupling is the real coercion.",
     [("China's commerce ministry", "china_trade_curbs", "oppose")]),
    ("China's commerce ministry said the bloc was launching an anti-dumping probe into Chinese salmon imports.",
     [("China's commerce ministry", "china_trade_curbs", "oppose")]),
    # China's own probe into another country's goods is no curb on China
    ("China's commerce ministry said it was launching an anti-dumping probe into Nordic salmon imports.", []),
    ("Nordic Trade Commissioner Anna Berg said that decoupling is the answer.",
     [("Anna Berg", "china_trade_curbs", "support")]),
    # "A, not B" on one issue: the speaker takes A; the B denied beside it does not turn the stance
    ("Nordic Trade Commissioner Anna Berg said the allies want to de-risk, not decouple.",
     [("Anna Berg", "china_trade_curbs", "support")]),
    ("Nordic Trade Commissioner Anna Berg said the allies do not want to decouple.",
     [("Anna Berg", "china_trade_curbs", "oppose")]),
    # the speaker's own country as the subject inside the quote is the speaker's own voice
    ("Norwegian Trade Minister Anna Berg said: “Norway opposes the new steel tariffs.”",
     [("Anna Berg", "tariffs", "oppose")]),
    ("“Norway rejects any retaliation,” Norwegian Trade Minister Anna Berg said.",
     [("Anna Berg", "retaliation", "oppose")]),
    # another country as that subject stays that country's claim
    ("Norwegian Trade Minister Anna Berg said: “Sweden opposes the new steel tariffs.”", []),
    # a step said to be taken for the country's security backs the curb, also when the purpose opens a quoted fragment
    ("Trade Minister Anna Berg said the licence rule was adopted \"for our own security.\"",
     [("Anna Berg", "china_trade_curbs", "support")]),
    ("A spokesman for China's foreign ministry, Li Wen, said Norland hides behind the guise of national security to "
     "shut out Chinese firms.", [("Li Wen", "china_trade_curbs", "oppose")]),
    # China's leaders on curbs named by China's rise they would hold back: against them, whatever the words
    ("Chinese President Li Wen told the visiting envoy that the campaign aimed at containing China's development must end.",
     [("Li Wen", "china_trade_curbs", "oppose")]),
    ("Chinese Premier Li Wen said that nothing can halt the march of China's scientific progress.",
     [("Li Wen", "china_trade_curbs", "oppose")]),
    ("Prime Minister Anna Berg said the three leaders had agreed to create a fair and predictable climate for "
     "investors and traders.", [("Anna Berg", "free_trade", "support")]),
]


@pytest.mark.parametrize("text, expected", STATEMENTS)
def test_trade_statements(nlp, text, expected):
    from analysis.corpus import analyze
    from analysis.reader import parse_article

    tables = analyze([parse_article(text, "s", title="s")], str(SHIPPED_DIR / "trade-tariffs.toml"), n_process=1)
    assert sorted(set(tables.statements[["actor", "issue", "stance"]].itertuples(index=False, name=None))) == expected
