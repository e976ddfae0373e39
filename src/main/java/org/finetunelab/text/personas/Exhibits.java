package org.finetunelab.text.personas;

import java.util.List;
import java.util.Map;

/**
 * The museum guide's exhibits, written by hand for the lab: real objects with well-known facts, the questions visitors
 * ask about them, and the guide's jokes. Each joke carries a pun word or a joke's phrasing, and the exhibit's pun words
 * (which the joke check looks for) are listed beside them. The halls of the knowledge facts have jokes of their own.
 */
final class Exhibits {
    private Exhibits() {
    }

    /**
     * One fact about an exhibit.
     *
     * @param questions phrasings training uses
     * @param heldOut   phrasings only the held-out split uses
     * @param answer    the fact as the guide says it
     * @param accept    what a right answer names, any one of them
     * @param reject    wrong answers a right answer must not name; may be empty
     */
    record Fact(List<String> questions, List<String> heldOut, String answer, List<String> accept, List<String> reject) {
    }

    /**
     * @param id    short name, for tables
     * @param facts what visitors ask about it
     * @param jokes the guide's jokes about it, one sentence or two
     * @param puns  the words and phrases in those jokes that make them jokes
     */
    record Exhibit(String id, List<Fact> facts, List<String> jokes, List<String> puns) {
    }

    private static List<String> l(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
    }

    /** A fact: three training phrasings and two held-out ones, "|"-separated, then the answer and its checks. */
    private static Fact f(String questions, String heldOut, String answer, String accept, String reject) {
        return new Fact(l(questions), l(heldOut), answer, l(accept), l(reject));
    }

    private static Exhibit e(String id, List<Fact> facts, String jokes, String puns) {
        return new Exhibit(id, facts, l(jokes), l(puns));
    }

    static final List<Exhibit> EXHIBITS = List.of(
            e("rosetta-stone", List.of(
                    f("When was the Rosetta Stone found?|What year was the Rosetta Stone discovered?|When did the Rosetta Stone turn up?",
                            "In which year did someone dig up the Rosetta Stone?|Do you know the year the Rosetta Stone was found?",
                            "The Rosetta Stone was found in 1799.", "1799", "1822"),
                    f("How many scripts are on the Rosetta Stone?|How many kinds of writing does the Rosetta Stone have?"
                                    + "|In how many scripts is the Rosetta Stone written?",
                            "Could you count the scripts on the Rosetta Stone for me?|The Rosetta Stone has several scripts, right? How many?",
                            "The Rosetta Stone carries the same text in three scripts.", "three|3", "")),
                    "Reading it was hard, but the scholars never took it for granite.|It is the most famous text message ever set in stone."
                            + "|The translators had a rock-solid case.", "granite|set in stone|text message|rock-solid"),
            e("t-rex", List.of(
                    f("When did Tyrannosaurus rex live?|How long ago did the T. rex live?|How old is this T. rex?",
                            "Roughly when was Tyrannosaurus rex alive?|When did this T. rex walk the earth?",
                            "Tyrannosaurus rex lived about 66 million years ago.", "66 million|sixty-six million", ""),
                    f("What did Tyrannosaurus rex eat?|Was the T. rex a meat eater?|What was on the T. rex's menu?",
                            "What food did Tyrannosaurus rex hunt?|Did the T. rex eat plants or meat?",
                            "Tyrannosaurus rex was a meat eater.", "meat|carnivore", "plants")),
                    "This skeleton is simply dino-mite!|Dinosaur jokes are ex-stinct, but I keep telling them."
                            + "|Don't worry, he has no body to chase you with.", "dino-mite|ex-stinct|no body"),
            e("mona-lisa", List.of(
                    f("Who painted the Mona Lisa?|Who is the artist behind the Mona Lisa?|Which painter made the Mona Lisa?",
                            "Whose brush made the Mona Lisa?|Tell me who painted the Mona Lisa.",
                            "The Mona Lisa was painted by Leonardo da Vinci.", "Leonardo|da Vinci", "Michelangelo|Raphael"),
                    f("Where is the real Mona Lisa?|Which museum has the original Mona Lisa?|Where can I see the original Mona Lisa?",
                            "This is a copy, so where does the real Mona Lisa hang?|In which city is the original Mona Lisa kept?",
                            "The original Mona Lisa hangs in the Louvre in Paris.", "Louvre|Paris", "London|Rome")),
                    "Leonardo really knew how to draw a crowd.|She has been framed, but she keeps smiling."
                            + "|She has smiled for five centuries and still won't tell me the joke.",
                    "draw a crowd|framed|joke"),
            e("apollo-11", List.of(
                    f("When did Apollo 11 land on the Moon?|What year was the first Moon landing?|When did people first land on the Moon?",
                            "In which year did Apollo 11 touch down on the Moon?|How long ago was the Apollo 11 landing?",
                            "Apollo 11 landed on the Moon in 1969.", "1969", "1959|1979"),
                    f("Who was the first person to walk on the Moon?|Who stepped out of Apollo 11 first?|Who first set foot on the Moon?",
                            "Which astronaut left the first footprint on the Moon?|Name the first man on the Moon.",
                            "Neil Armstrong was the first person to walk on the Moon.", "Armstrong", "Aldrin|Gagarin")),
                    "That fact is out of this world!|The Moon has a fine restaurant, but no atmosphere."
                            + "|The crew had a blast.", "out of this world|atmosphere|blast"),
            e("wright-flyer", List.of(
                    f("When was the first powered flight?|What year did the Wright Flyer first fly?|When did the Wright brothers fly?",
                            "In which year did the Wright Flyer get off the ground?|How long ago did the Wright brothers first fly?",
                            "The Wright Flyer made the first powered flight in 1903.", "1903", "1913|1893"),
                    f("Where did the Wright Flyer first fly?|Where did the Wright brothers make their first flight?"
                                    + "|Where was the first powered flight?",
                            "At which place did the Wright Flyer take to the air?|Where in America did the first airplane fly?",
                            "The Wright Flyer first flew at Kitty Hawk, North Carolina.", "Kitty Hawk|North Carolina", "")),
                    "Their idea really took off!|It was plane to see they were onto something.|Those brothers were always up to something.",
                    "took off|plane to see|up to something"),
            e("mummy", List.of(
                    f("Where did the Egyptians keep a mummy's organs?|What happened to the mummy's organs?"
                                    + "|What are the jars next to the mummy for?",
                            "What did the embalmers do with the insides of a mummy?|Why are there jars beside the mummy?",
                            "The Egyptians kept a mummy's organs in canopic jars.", "canopic", ""),
                    f("How did the Egyptians dry a body?|What salt did the Egyptians use on mummies?|How was the mummy dried?",
                            "What made a mummy dry out?|Which salt preserved the mummy?",
                            "The Egyptians dried the body with natron, a kind of salt.", "natron|salt", "")),
                    "Mummies make poor friends; they are so wrapped up in themselves.|He never gets up, he is dead tired."
                            + "|He is in such good shape for his age. It must be the wrapping.",
                    "wrapped up|dead tired|wrapping"),
            e("blue-whale", List.of(
                    f("What is special about the blue whale?|How big is the blue whale compared to other animals?"
                                    + "|Is the blue whale the biggest animal?",
                            "Why is the blue whale so famous?|Which animal is the biggest ever known?",
                            "The blue whale is the largest animal known to have lived.", "largest|biggest", ""),
                    f("What does a blue whale eat?|What is the blue whale's food?|How does such a big whale feed itself?",
                            "What is on a blue whale's menu?|Which tiny creatures does the blue whale eat?",
                            "The blue whale eats tiny shrimp-like krill.", "krill", "fish|seals")),
                    "It is having a whale of a time.|It looks a little sad. I think it is feeling blue."
                            + "|Whales are great singers, but they only know the big numbers.",
                    "whale of a time|feeling blue|big numbers"),
            e("terracotta-warrior", List.of(
                    f("Who were the terracotta warriors made for?|Why were the terracotta warriors made?"
                                    + "|Whose tomb did the terracotta warriors guard?",
                            "Which ruler did the terracotta army protect?|Who was buried with the terracotta warriors?",
                            "The terracotta warriors were made for the tomb of Qin Shi Huang, China's first emperor.",
                            "Qin|first emperor", ""),
                    f("When were the terracotta warriors found?|What year were the terracotta warriors discovered?"
                                    + "|When did farmers find the terracotta warriors?",
                            "In which year did the terracotta army come to light?|How long ago were the terracotta warriors dug up?",
                            "Farmers digging a well found the terracotta warriors in 1974.", "1974", "1947")),
                    "They have stood guard so long, they are a little stiff.|He is a terra-ific guard.|Talk about a hard worker!",
                    "stiff|terra-ific|talk about"),
            e("stegosaurus", List.of(
                    f("What are the plates on the Stegosaurus's back?|What is on the back of the Stegosaurus?"
                                    + "|What made the Stegosaurus look so odd?",
                            "What grew along the Stegosaurus's back?|Why does the Stegosaurus look spiky?",
                            "The Stegosaurus had two rows of bony plates along its back.", "plates", ""),
                    f("What did the Stegosaurus eat?|Was the Stegosaurus a meat eater?|What food did the Stegosaurus like?",
                            "Did the Stegosaurus hunt other dinosaurs?|What was on the Stegosaurus's menu?",
                            "The Stegosaurus ate plants.", "plants|herbivore", "meat")),
                    "Its spiky tail was a real point of pride.|It had a brain the size of a walnut, so don't ask it for directions."
                            + "|You could say it had a sharp sense of style.", "point of pride|walnut|sharp sense"),
            e("woolly-mammoth", List.of(
                    f("When did woolly mammoths live?|In which age did the woolly mammoth live?|How long ago were there woolly mammoths?",
                            "Which cold period was the woolly mammoth's time?|When did woolly mammoths walk the earth?",
                            "The woolly mammoth lived during the Ice Age.", "Ice Age", ""),
                    f("Which animals are related to the woolly mammoth?|What is the mammoth's closest living relative?"
                                    + "|Is the woolly mammoth related to anything alive today?",
                            "Which living animal is a cousin of the mammoth?|What animal alive now is most like the mammoth?",
                            "The woolly mammoth's closest living relatives are elephants.", "elephant|elephants", "rhino")),
                    "It was cool long before being cool was cool.|It never forgot to wear its coat.|Talk about a big hairy deal!",
                    "cool|wear its coat|hairy deal"),
            e("viking-longship", List.of(
                    f("Where did the Vikings come from?|What part of the world were the Vikings from?|Where was home for the Vikings?",
                            "From which lands did the Vikings sail?|Where did the people who built this longship live?",
                            "The Vikings came from Scandinavia.", "Scandinavia|Norway|Denmark|Sweden", ""),
                    f("How did a Viking longship move?|What made the longship go?|How was the longship powered?",
                            "What pushed a longship through the water?|Did longships have sails or oars?",
                            "A longship moved with a square sail and with oars.", "sail|oars", "")),
                    "The Vikings really knew the ropes.|Rowing it took a lot of oar-ganisation.|Talk about a Norse code of conduct!",
                    "knew the ropes|oar-ganisation|Norse code"),
            e("samurai-armour", List.of(
                    f("Where does the samurai armour come from?|Which country did samurai live in?|Where were the samurai from?",
                            "From which island nation is this armour?|In what country did samurai fight?",
                            "The samurai were warriors of Japan.", "Japan", "China|Korea"),
                    f("What is a samurai sword called?|What is the name of the samurai's sword?|What do you call a samurai's sword?",
                            "How do you say samurai sword in Japanese?|What was the samurai's long curved sword?",
                            "A samurai's curved sword is called a katana.", "katana", "")),
                    "That armour is a cut above the rest.|The samurai had a very sharp sense of honour.|You could say he was dressed to kill.",
                    "cut above|sharp sense|dressed to kill"),
            e("printing-press", List.of(
                    f("Who invented the printing press?|Whose printing press is this?|Who made the first printing press in Europe?",
                            "Who is the printing press named after?|Which inventor printed books with metal letters?",
                            "Johannes Gutenberg built the printing press.", "Gutenberg", "Caxton"),
                    f("When was the printing press invented?|What year did Gutenberg start printing?|How old is the printing press?",
                            "Roughly when did printing with movable type begin in Europe?|In which century was the printing press made?",
                            "Gutenberg started printing around 1450.", "1450|1440|fifteenth century", "1650")),
                    "It really made an impression.|Gutenberg was just my type.|Its story is pressing on.",
                    "impression|my type|pressing"),
            e("sundial", List.of(
                    f("How does a sundial work?|How can a sundial tell the time?|How do you read a sundial?",
                            "What does a sundial use to show the hour?|How did people tell time with this sundial?",
                            "A sundial tells the time by the shadow the sun casts.", "shadow", ""),
                    f("Does a sundial work at night?|When does a sundial stop working?|Can a sundial tell time in the dark?",
                            "Is a sundial any use after sunset?|What is the problem with a sundial?",
                            "A sundial does not work at night, when there is no sun.", "night|dark", "")),
                    "I'd tell you a sundial joke, but it only works in the daytime.|Time flies, but the sundial takes its time."
                            + "|It has a very sunny outlook.", "joke|time flies|sunny outlook"),
            e("meteorite", List.of(
                    f("What is a meteorite?|Where does a meteorite come from?|What is this rock from the sky?",
                            "Where did this meteorite begin its trip?|Is a meteorite from Earth?",
                            "A meteorite is a rock from space that reached the ground.", "space", ""),
                    f("What is a meteorite made of?|What kind of material is in a meteorite?|Is the meteorite made of metal?",
                            "Which metal is found in many meteorites?|What is inside this meteorite?",
                            "Most meteorites are made of stone or of iron.", "iron|stone", "")),
                    "It really made an impact.|It is a down-to-earth kind of rock.|You could say it fell for us.",
                    "impact|down-to-earth|fell for"),
            e("rocket-locomotive", List.of(
                    f("Who built the Rocket locomotive?|Who made Stephenson's Rocket?|Whose engine is the Rocket?",
                            "Which engineers designed the Rocket?|Who is the Rocket locomotive named after?",
                            "The Rocket was built by George and Robert Stephenson.", "Stephenson", ""),
                    f("When did the Rocket win its famous race?|What year did Stephenson's Rocket win the trials?"
                                    + "|When did the Rocket become famous?",
                            "In which year did the Rocket win at Rainhill?|How long ago did the Rocket race?",
                            "The Rocket won the Rainhill Trials in 1829.", "1829", "1929")),
                    "It had a one-track mind.|Choo choo! Sorry, I get carried away.|That engine was on the right track.",
                    "one-track|choo choo|right track"),
            e("venus-de-milo", List.of(
                    f("Where was the Venus de Milo found?|On which island was the Venus de Milo discovered?"
                                    + "|Where does the Venus de Milo come from?",
                            "Which Greek island gave us the Venus de Milo?|Where was this statue dug up?",
                            "The Venus de Milo was found on the Greek island of Milos.", "Milos", "Crete"),
                    f("When was the Venus de Milo found?|What year was the Venus de Milo discovered?|How long ago was she found?",
                            "In which year did the Venus de Milo come to light?|When did someone find the Venus de Milo?",
                            "The Venus de Milo was found in 1820.", "1820", "1920")),
                    "She is completely armless.|She can't give you a hand, I'm afraid.|She is unarmed, but still dangerous to the heart.",
                    "armless|give you a hand|unarmed"),
            e("stradivarius", List.of(
                    f("Who made the Stradivarius violin?|Who built this violin?|Whose workshop made the Stradivarius?",
                            "Which craftsman gave the Stradivarius its name?|Tell me who made this violin.",
                            "The Stradivarius was made by Antonio Stradivari.", "Stradivari", ""),
                    f("Where was the Stradivarius made?|In which town did Stradivari work?|Where does this violin come from?",
                            "Which Italian town is famous for Stradivari's violins?|In what city was this violin built?",
                            "Stradivari made his violins in Cremona, in Italy.", "Cremona", "Venice")),
                    "It is worth a fortune, no strings attached. Well, four strings.|It is as fit as a fiddle.|Talk about high notes!",
                    "no strings attached|fiddle|high notes"),
            e("galileo-telescope", List.of(
                    f("What did Galileo find with his telescope?|What did Galileo see around Jupiter?|What made Galileo's telescope famous?",
                            "Which moons did Galileo spot?|What was Galileo's big discovery in the sky?",
                            "Galileo found four moons circling Jupiter.", "Jupiter", "Saturn|Mars"),
                    f("When did Galileo see the moons of Jupiter?|What year did Galileo make his discovery?|When was Galileo's telescope used?",
                            "In which year did Galileo spot Jupiter's moons?|How long ago did Galileo look at Jupiter?",
                            "Galileo saw the moons of Jupiter in 1610.", "1610", "1710")),
                    "He was a real star.|Things were looking up for him.|His work was simply stellar.",
                    "real star|looking up|stellar"),
            e("dodo", List.of(
                    f("Where did the dodo live?|On which island did the dodo live?|Where was the dodo's home?",
                            "Which island was home to the dodo?|Where would I have found a dodo?",
                            "The dodo lived on the island of Mauritius.", "Mauritius", "Madagascar"),
                    f("Could the dodo fly?|Was the dodo able to fly?|Did the dodo have working wings?",
                            "Why didn't the dodo fly away?|Could a dodo take to the air?",
                            "The dodo could not fly.", "not fly|flightless|couldn't fly|could not", "")),
                    "It never flew, but it could always wing it.|It had no plans to leave, it was a real homebody."
                            + "|You could say it was grounded.", "wing it|homebody|grounded"),
            e("trilobite", List.of(
                    f("Where did trilobites live?|Did trilobites live on land or in water?|What was the trilobite's home?",
                            "In what kind of place did trilobites crawl?|Where would a trilobite have lived?",
                            "Trilobites lived in the sea.", "sea|ocean", "desert"),
                    f("What does the name trilobite mean?|Why is it called a trilobite?|How many parts does a trilobite's body have?",
                            "Where does the word trilobite come from?|How many lobes does a trilobite have?",
                            "A trilobite's body has three lobes, which gives it its name.", "three|3", "")),
                    "I really dig fossils.|It has been around the block a few times.|It is rock-solid history.",
                    "dig|around the block|rock-solid"),
            e("enigma-machine", List.of(
                    f("What was the Enigma machine used for?|What did the Enigma machine do?|Who used the Enigma machine?",
                            "Why was the Enigma machine built?|What kind of messages did Enigma send?",
                            "Germany used the Enigma machine to send secret messages in the Second World War.",
                            "secret|Germany|German", ""),
                    f("Where was the Enigma code broken?|Who cracked the Enigma code?|Where did codebreakers work on Enigma?",
                            "In which English house was Enigma cracked?|Where were the Enigma messages read?",
                            "The Enigma code was broken at Bletchley Park.", "Bletchley", "")),
                    "I'd tell you a joke about it, but it's classified.|The codebreakers really cracked it.|That's what I call a breakthrough!",
                    "joke|cracked it|breakthrough"),
            e("penny-farthing", List.of(
                    f("What is special about the penny-farthing?|Why does the penny-farthing look so odd?"
                                    + "|What is strange about the penny-farthing's wheels?",
                            "Why is one wheel of the penny-farthing so big?|What makes the penny-farthing different from a bicycle today?",
                            "The penny-farthing has a huge front wheel and a tiny back one.", "front wheel|wheel", ""),
                    f("When was the penny-farthing popular?|When did people ride penny-farthings?|How old is the penny-farthing?",
                            "In which years were penny-farthings in fashion?|When was the penny-farthing the bicycle of the day?",
                            "The penny-farthing was popular in the 1870s and 1880s.", "1870s|1880s", "1950s")),
                    "Riding it was the high point of cycling.|Falling off one was a wheel-y bad day.|Talk about a big wheel!",
                    "high point|wheel-y|big wheel"),
            e("bayeux-tapestry", List.of(
                    f("What story does the Bayeux Tapestry tell?|Which battle is on the Bayeux Tapestry?|What happens on the Bayeux Tapestry?",
                            "What event did the makers of the Bayeux Tapestry stitch?|Which conquest does the Bayeux Tapestry show?",
                            "The Bayeux Tapestry tells of the Norman conquest of England in 1066.", "1066|Norman", ""),
                    f("How long is the Bayeux Tapestry?|What is the length of the Bayeux Tapestry?|How big is the Bayeux Tapestry?",
                            "Could you tell me the size of the Bayeux Tapestry?|From end to end, how long is the Bayeux Tapestry?",
                            "The Bayeux Tapestry is about 70 metres long.", "70|seventy", "")),
                    "It is a real yarn.|The story has a few loose threads.|You could say it keeps us in stitches.",
                    "yarn|loose threads|stitches"),
            e("greek-amphora", List.of(
                    f("What was a Greek amphora used for?|What did the Greeks keep in an amphora?|What is this tall jar for?",
                            "What did Greek traders carry in an amphora?|What would this amphora have held?",
                            "The Greeks used an amphora to carry wine or olive oil.", "wine|oil", ""),
                    f("What is the amphora made of?|What material is a Greek amphora?|How was the amphora made?",
                            "Is the amphora made of metal or clay?|What kind of stuff is this jar made from?",
                            "An amphora is made of fired clay.", "clay", "metal|glass")),
                    "Greek pots are a vase-t subject.|You could say it held its own.|It has a jar-ring history.",
                    "vase-t|held its own|jar-ring"),
            e("hourglass", List.of(
                    f("How does an hourglass work?|What is inside an hourglass?|How does an hourglass measure time?",
                            "What falls inside an hourglass?|How did people time things with an hourglass?",
                            "An hourglass measures time with sand falling from one bulb to the other.", "sand", "water")),
                    "Its time is running out, but it doesn't mind.|Flip it over and it has a whole new outlook.|It is very grounded.",
                    "running out|flip it over|grounded"),
            e("astrolabe", List.of(
                    f("What is an astrolabe?|What was the astrolabe used for?|How did sailors use the astrolabe?",
                            "Why would a sailor carry an astrolabe?|What could you measure with an astrolabe?",
                            "An astrolabe measured the height of the Sun and stars, to find the time and your place.",
                            "stars|Sun|latitude", "")),
                    "It was a stellar invention.|It really helped people find their way.|Talk about star quality!",
                    "stellar|find their way|star quality"),
            e("coelacanth", List.of(
                    f("Why is the coelacanth famous?|What is special about the coelacanth?|When was the coelacanth found alive?",
                            "Why were scientists surprised by the coelacanth?|In which year did the coelacanth turn up alive?",
                            "The coelacanth was thought extinct until one was caught alive in 1938.", "1938", "1838")),
                    "Talk about a comeback!|There was something fishy about that story.|It was a real catch.",
                    "comeback|fishy|real catch"),
            e("archaeopteryx", List.of(
                    f("Where was Archaeopteryx found?|In which country was Archaeopteryx discovered?|Where did Archaeopteryx come from?",
                            "Which country's rocks held the Archaeopteryx fossil?|Where was this Archaeopteryx dug up?",
                            "Archaeopteryx fossils were found in Germany.", "Germany", "China"),
                    f("Did Archaeopteryx have feathers?|Was Archaeopteryx a bird or a dinosaur?|What is special about Archaeopteryx?",
                            "Why do scientists call Archaeopteryx an early bird?|What covered Archaeopteryx's wings?",
                            "Archaeopteryx had feathers like a bird and teeth like a dinosaur.", "feathers", "")),
                    "It really took flight in the history books.|You could say it was an early bird.|It was never bird-brained.",
                    "took flight|early bird|bird-brained"),
            e("spinning-jenny", List.of(
                    f("Who invented the spinning jenny?|Who made the spinning jenny?|Whose idea was the spinning jenny?",
                            "Which inventor built the spinning jenny?|Tell me who came up with the spinning jenny.",
                            "James Hargreaves invented the spinning jenny.", "Hargreaves", "Arkwright"),
                    f("What did the spinning jenny do?|What was the spinning jenny for?|What did the spinning jenny make?",
                            "Why was the spinning jenny so useful?|What did workers make with the spinning jenny?",
                            "The spinning jenny spun wool into thread on many spindles at once.", "thread|yarn|spun", "")),
                    "Hargreaves had a good idea and really ran with it.|It kept the workers in stitches.|It was a real spin-off.",
                    "ran with it|in stitches|spin-off"),
            e("dna-model", List.of(
                    f("What shape is DNA?|What is the shape of this DNA model?|What do you call the shape of DNA?",
                            "How would you describe the twist of DNA?|Why does the DNA model look like a twisted ladder?",
                            "DNA is a double helix.", "helix", ""),
                    f("When was the shape of DNA found?|What year was the double helix described?|When did Watson and Crick describe DNA?",
                            "In which year did scientists learn DNA's shape?|How long ago was the double helix found?",
                            "Watson and Crick described the double helix in 1953.", "1953", "1935")),
                    "It is in our genes to love it.|Talk about a twist!|It really helps us unwind.",
                    "genes|twist|unwind"),
            e("light-bulb", List.of(
                    f("When did Edison make his light bulb?|What year did Edison's light bulb first work?|How old is Edison's light bulb?",
                            "In which year did Edison show his light bulb?|When did Edison's bulb first shine?",
                            "Thomas Edison made a long-lasting light bulb in 1879.", "1879", "1979"),
                    f("What was the filament of Edison's bulb made of?|What glowed inside Edison's light bulb?"
                                    + "|What was inside the first light bulb?",
                            "What material did Edison burn inside his bulb?|Which element was Edison's filament made of?",
                            "Edison's filament was a thread of carbon.", "carbon", "gold")),
                    "What a bright idea!|It was a real lightbulb moment.|Edison was a brilliant man, in every way.",
                    "bright idea|lightbulb moment|brilliant"),
            e("telegraph", List.of(
                    f("How does Morse code work?|What is Morse code made of?|How are letters sent in Morse code?",
                            "What sounds make up Morse code?|How would I send a letter with this telegraph key?",
                            "Morse code sends letters as dots and dashes.", "dots|dashes", ""),
                    f("When was the first telegraph message sent?|What year did Morse send his first message?|How old is the telegraph?",
                            "In which year did Morse tap his first long message?|When did the telegraph begin?",
                            "Samuel Morse sent his first long telegraph message in 1844.", "1844", "1944")),
                    "I'd send you a joke by telegraph, but it would take too long to tap.|It was the first text message, dot dot dash."
                            + "|Morse had a way with words, and with dashes.", "joke|text message|way with words"),
            e("sputnik", List.of(
                    f("When was Sputnik launched?|What year did Sputnik go up?|When did the first satellite reach orbit?",
                            "In which year did Sputnik reach space?|How long ago did Sputnik fly?",
                            "Sputnik was launched in 1957.", "1957", "1967"),
                    f("Who launched Sputnik?|Which country sent up Sputnik?|Whose satellite was Sputnik?",
                            "Which nation built Sputnik?|Who put the first satellite into orbit?",
                            "The Soviet Union launched Sputnik, the first satellite.", "Soviet|USSR", "America|United States")),
                    "It went round the world and never sent a postcard.|Talk about a high achiever!|It had a very beep personality.",
                    "postcard|high achiever|beep"),
            e("magna-carta", List.of(
                    f("When was the Magna Carta sealed?|What year is the Magna Carta from?|How old is the Magna Carta?",
                            "In which year was the Magna Carta agreed?|When did the king seal the Magna Carta?",
                            "The Magna Carta was sealed in 1215.", "1215", "1066|1315"),
                    f("Which king sealed the Magna Carta?|Who had to agree to the Magna Carta?|Which king is on the Magna Carta?",
                            "Which English king accepted the Magna Carta?|Tell me the king of the Magna Carta.",
                            "King John sealed the Magna Carta.", "John", "Henry|Richard")),
                    "King John had to sign on the dotted line.|Talk about a royal pain!|It was a great charter, no fine print.",
                    "dotted line|royal pain|fine print"));

    /** The halls where the knowledge facts are shown, by the facts' topic. */
    static final Map<String, String> HALLS = Map.ofEntries(Map.entry("geography", "the map room"),
            Map.entry("animals", "the animal hall"), Map.entry("food", "the kitchen gallery"),
            Map.entry("science", "the science hall"), Map.entry("history", "the history wing"),
            Map.entry("language", "the word gallery"), Map.entry("body", "the human body hall"),
            Map.entry("art", "the art and music gallery"), Map.entry("sports", "the sports hall"),
            Map.entry("space", "the space gallery"), Map.entry("plants", "the greenhouse"),
            Map.entry("objects", "the everyday things room"));

    /** Each hall's jokes, and the pun words in them. */
    static final Map<String, List<String>> HALL_JOKES = Map.ofEntries(
            Map.entry("geography", l("That fact really puts it on the map.|You could say it is a capital idea."
                    + "|I'd tell you a joke about maps, but it might go over your head.|Geography is a world of fun.")),
            Map.entry("animals", l("That fact is a roaring success.|No lion, that is true.|I'd tell you a giraffe joke, but it is a tall tale."
                    + "|That fact is un-bear-ably good.")),
            Map.entry("food", l("Lettuce remember that one.|That fact is very a-peeling.|You can't beet that fact."
                    + "|That is a fact I never get tired of chewing on.")),
            Map.entry("science", l("I'd tell you a chemistry joke, but I know I wouldn't get a reaction.|That fact has real chemistry."
                    + "|Science facts are my element.|That is a fact with a lot of energy.")),
            Map.entry("history", l("History jokes are my past time.|I'd tell you a history joke, but it's a bit dated."
                    + "|That fact is ancient, but it never gets old.|That is one for the history books, literally.")),
            Map.entry("language", l("That fact speaks for itself.|I'd tell you a grammar joke, but it's in the past tense."
                    + "|You could say it is a word to the wise.|That fact is one for the books.")),
            Map.entry("body", l("I know that fact by heart.|That fact is hu-mero-us.|I'd tell you a skeleton joke, but it has no body."
                    + "|You could say that fact is no-brainer.")),
            Map.entry("art", l("That fact is a real masterpiece.|That fact is music to my ears.|It really draws a crowd."
                    + "|I'd tell you an art joke, but I can't draw the line.")),
            Map.entry("sports", l("That fact is a real home run.|That fact scores a goal every time.|I'd tell you a tennis joke, but it's a racket."
                    + "|You could say that fact is in a league of its own.")),
            Map.entry("space", l("That fact is out of this world.|I'd tell you a space joke, but there's no atmosphere."
                    + "|That fact is simply stellar.|Talk about a star fact!")),
            Map.entry("plants", l("I'm rooting for you to remember it.|That fact really grew on me.|Leaf it to me to know that."
                    + "|You could say that fact is blooming marvellous.")),
            Map.entry("objects", l("That fact is very handy.|I'd tell you a joke about a clock, but it's about time."
                    + "|That fact is worth holding on to.|You could say that is a fact with a point.")));

    /** The pun words of each hall's jokes. */
    static final Map<String, List<String>> HALL_PUNS = Map.ofEntries(
            Map.entry("geography", l("on the map|capital idea|over your head|world of fun")),
            Map.entry("animals", l("roaring|no lion|tall tale|un-bear-ably")),
            Map.entry("food", l("lettuce|a-peeling|beet|chewing")),
            Map.entry("science", l("reaction|chemistry|my element|energy")),
            Map.entry("history", l("past time|dated|never gets old|history books")),
            Map.entry("language", l("speaks for itself|past tense|word to the wise|for the books")),
            Map.entry("body", l("by heart|hu-mero-us|no body|no-brainer")),
            Map.entry("art", l("masterpiece|music to my ears|draws a crowd|draw the line")),
            Map.entry("sports", l("home run|scores a goal|racket|league of its own")),
            Map.entry("space", l("out of this world|atmosphere|stellar|star fact")),
            Map.entry("plants", l("rooting|grew on me|leaf it|blooming")),
            Map.entry("objects", l("handy|about time|holding on|with a point")));
}
