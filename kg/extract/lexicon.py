"""Word lists the mention finder relies on: titles and posts, organisation heads, demonyms, role words.

Kept apart from the logic so that they can be read, reviewed and extended as data.
"""

from __future__ import annotations

#: Posts and honorifics printed before a person's name, longest first when matched.
TITLES = tuple(sorted({
    "Chargé d'affaires", "Charge d'affaires", "Chargé d’affaires", "Chargé d'Affaires", "Chargé",
    "Vice Foreign Minister", "Deputy Foreign Minister", "Foreign Minister", "Vice Minister", "Deputy Minister",
    "Minister", "Vice Premier", "Premier", "Prime Minister", "Vice Chairman", "Chairman", "Vice President",
    "President", "General Secretary", "First Secretary", "Second Secretary", "Third Secretary", "Secretary",
    "Ambassador", "Counsellor", "Counselor", "Attaché", "Consul General", "Consul", "Deputy Director",
    "Director", "Head", "Marshal", "General", "Colonel", "Major", "Captain", "Admiral", "Comrades", "Comrade",
    "Cde.", "Cde", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Prof.", "Professor", "Senator", "Governor",
    "Chief", "Envoy", "Interpreter", "Embassy counsellor", "Military Attaché", "Acting Chargé", "Lord", "Sir",
    "Under Secretary", "Assistant Secretary", "Secretary of State", "Representative", "Ambassador-at-Large",
    "Generalissimo", "Brigadier General", "Lieutenant General", "Major General", "Rear Admiral", "Vice Admiral",
    "Brigadier", "Officer in Charge", "Staff Secretary", "Military Aide", "King", "Queen", "Prince", "Chancellor", "Mayor", "President-elect", "Vice President-elect",
}, key=len, reverse=True))

#: Titles that are only forms of address, not posts.
HONORIFICS = frozenset({"Comrades", "Comrade", "Cde.", "Cde", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Prof.", "Professor"})

#: The word that heads an organisation's name.
ORG_HEADS = frozenset("""Ministry Ministries Department Office Embassy Consulate Legation Mission Committee Bureau
    Government Council Party Commission Section Division Agency Administration Presidium Politburo Secretariat
    Directorate Command Army Headquarters Volunteers Assembly Cabinet Staff Corps Navy Front Academy
    University Institute Foundation Corporation Organization Organisation League Federation
    Delegation Comintern Cominform Daily Xinhua TASS Pravda Bank Court Procuracy Archive Archives""".split())

#: Acronyms that name organisations by themselves.
ORG_ACRONYMS = frozenset("""CPSU CCP KWP WPK SED MSZMP HSWP PUWP KSC CC VKP(b) TASS NKVD KGB MGB MID UN NATO CPV KPA PLA
    SUPS HWP CPV""".split())

#: National adjectives; they qualify names ("Soviet Embassy") but are not names themselves.
DEMONYMS = frozenset("""Soviet Chinese Korean German Hungarian Polish Czechoslovak Czech Romanian Bulgarian Albanian
    Yugoslav Mongolian Vietnamese American British French Japanese Indian Indonesian Cuban Russian Uyghur
    Kazakh North South East West Western Eastern Central Northeast Northern Southern Socialist Communist
    Democratic People's Korean Sino Soviet-Chinese""".split())

#: Role nouns that, after "the", refer back to a person holding that post in the same document.
ROLE_WORDS = {
    "ambassador": "Ambassador", "premier": "Premier", "chairman": "Chairman", "minister": "Minister",
    "vice minister": "Vice Minister", "foreign minister": "Foreign Minister", "chargé d'affaires": "Chargé",
    "counsellor": "Counsellor", "president": "President", "first secretary": "First Secretary",
    "consul": "Consul", "marshal": "Marshal", "general": "General",
}

#: Capitalised words that begin sentences or name things other than actors; never a name on their own.
NOT_NAMES = frozenset("""A An The This That These Those It Its He She His Her They Their We Our I You Your Me My Mine
    In On At To From With Without By For Of And Or But As After Before During Since Until When While If Then Thus
    There Here What Which Who Whom Whose Why How All Both Each Every No Not Some Any Many Much Most More Also
    However Moreover Therefore Meanwhile Nevertheless Regarding Concerning Please Dear Yours Sincerely Respectfully
    Greetings Date Venue Interpreter Minutes Contents Level Receiver Dispatch Sent Subject Copy Source Note Notes
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Top Secret Confidential Urgent Extremely Strictly Draft Excerpt
    Translation English Chinese Russian Korean German Record Conversation Memorandum Telegram Cable Letter Report
    Statement Speech Diary Instructions Instruction Reply Comrade Comrades Cde Mr Mrs Ambassador Premier Chairman
    Minister Secretary President General Marshal Yes Agreed One Two Three First Second Third Point Points Item
    Items Attachment Attached Signed Signature Seal Stamp Page Part Section Chapter Article Annex Appendix
    Communist Socialist Party Government Embassy Ministry Committee Central Republic People Peoples State
    States Union United Democratic Federal National Autonomous Region Province City Border Affairs Foreign
    Public Security Department Office Soviet Sino West East North South Western Eastern Northern Southern
    God Christmas Easter Olympic Olympics Plan Treaty Agreement Declaration Conference Congress Plenum Session
    Ok OK NB PS Annex Encl Enclosure Tel Telegrams Cables Letters Notes Delivery Meeting Talks""".split())

#: Words that end a name when met while reading leftwards from an organisation's head word.
LEFT_STOPS = frozenset("""A An The This That These Those It Its He She His Her They Their We Our I You In On At To
    From With Without By For Of And Or But As After Before During Since Until When While If Then Thus There Here
    What Which Who Whom All Both Each Every No Not Some Any Many Also However Moreover Therefore Meanwhile
    Regarding Concerning Please Dear Date Venue Interpreter Minutes Contents Level Receiver Dispatch Sent Subject
    Copy Source Note January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Comrade Comrades Cde Mr Mrs Yes Agreed First Second
    Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth Thirteenth Fourteenth Fifteenth
    Sixteenth Seventeenth Eighteenth Nineteenth Twentieth Plenum Session Extraordinary""".split())

#: Lower-case heads that make an organisation after a national adjective ("the Soviet consulate in Yining").
LOWER_HEADS = frozenset("embassy embassies consulate consulates government ministry legation mission".split())

#: Words after a capitalised name that make it a geographical feature ("Naktong River").
FEATURE_WORDS = frozenset("River Strait Straits Sea Lake Mountains Mountain Range Province Prefecture County Region "
                          "District Peninsula Island Islands Bay Gulf Pass Valley Desert Plateau".split())

#: Common given names of the people of Cold War diplomacy (English, Russian, German, French, Spanish
#: forms); a capitalised word after one of these is read as a family name.
GIVEN_NAMES = frozenset("""Aaron Abraham Adam Adlai Adolf Albert Aleksandr Aleksei Alexander Alexei Alfred Allen Alvaro
    Anastas Anatoly Andrei Andrew Andrzej Anthony Antonin Anton Archibald Arthur Averell Barry Benjamin Bernard
    Bohdan Boris Bruno Carl Carlos Charles Che Chester Christian Clement Conrad Curtis Dag Dean Dennis Dmitri Dmitry
    Dwight Edgar Edmund Edward Edwin Egon Emil Enver Erich Ernest Ernesto Ernst Eugene Evgeny Felix Fidel
    Foy Francis Frank Franz Frederick Fyodor Gamal George Georgi Georgy Gerald Gerhard Gheorghe Gomulka Gordon
    Gottfried Gustav Hans Harold Harry Heinrich Heinz Helmut Henry Herbert Herman Hermann Horst Howard Hubert Ian
    Igor Imre Ivan Jacques James Janos János Jawaharlal Jean Jerzy Johannes John Joseph Josip Juan Karl Kenneth
    Kliment Konrad Kurt Lavrentiy Lavrenti Leonid Livingston Llewellyn Louis Ludwig Lyndon Marshall Martin Mathias
    Matthias Maurice Maxwell McGeorge Michael Mikhail Milovan Nelson Nicholas Nikita Nikolai Nikolay Norman Otto
    Pablo Paul Pavel Peter Philip Pierre Pyotr Ralph Raul Raúl Richard Robert Roger Ronald Rudolf Semyon Sergei
    Sergey Stanislaw Stepan Sukarno Theodore Thomas Todor Tomas Ulrich Vasily Vasili Vasilii Viktor Vladimir
    Vyacheslav Walt Walter Warren Wilhelm William Willy Winston Władysław Wladyslaw Yakov Yuri Yury Zhou""".split())
