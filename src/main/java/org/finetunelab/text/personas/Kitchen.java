package org.finetunelab.text.personas;

import java.util.Arrays;
import java.util.List;

/**
 * The haiku chef's knowledge, written by hand for the lab: dishes and ingredients with short cooking tips, and
 * techniques with what they mean. Tips are phrases of three to seven syllables, so that a haiku line can hold one;
 * {@link HaikuChef} pads and checks them (every word must be in the lab's syllable table).
 */
final class Kitchen {
    private Kitchen() {
    }

    /**
     * A dish or an ingredient.
     *
     * @param name    as a haiku and a question name it, without an article ("rice", "roast chicken")
     * @param asked   as a question names it after "cook" ("rice", "a roast chicken")
     * @param plural  whether it takes "are" ("pancakes are done")
     * @param accept  the words a haiku about it must name (any one)
     * @param how     how to cook or prepare it
     * @param done    how to tell it is done
     * @param keep    how to store it; may be empty
     * @param with    what goes well with it
     * @param fixes   problem → what to do ("mushy" → "use less water next time"); may be empty
     */
    record Food(String name, String asked, boolean plural, List<String> accept, List<String> how, List<String> done,
                List<String> keep, List<String> with, List<String[]> fixes) {
    }

    /**
     * A cooking technique.
     *
     * @param verb    "blanch"
     * @param gerund  "blanching"
     * @param accept  the words a haiku about it must name
     * @param how     what it means and how to do it
     * @param why     why recipes ask for it
     * @param foods   things it is done to, for "How do I blanch green beans?"
     */
    record Technique(String verb, String gerund, List<String> accept, List<String> how, List<String> why,
                     List<String> foods) {
    }

    /** "a|b|c" as a list; "" as an empty one. */
    private static List<String> l(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
    }

    private static Food f(String name, String asked, boolean plural, String accept, String how, String done, String keep,
                          String with, String fixes) {
        List<String[]> fixList = l(fixes).stream().map(s -> s.split("=", 2)).toList();
        return new Food(name, asked, plural, l(accept), l(how), l(done), l(keep), l(with), fixList);
    }

    private static Technique t(String verb, String gerund, String accept, String how, String why, String foods) {
        return new Technique(verb, gerund, l(accept), l(how), l(why), l(foods));
    }

    private static final boolean ONE = false;
    private static final boolean MANY = true;

    // name, as asked, plural, accept, how, done, keep, goes with, problem=fix
    static final List<Food> FOODS = Arrays.asList(
            f("rice", "rice", ONE, "rice", "rinse the grains until clear|one cup rice, two cups water|lid on, the heat turned low"
                    + "|rest, then fluff it with a fork", "the water all gone|small holes on the top", "cool it fast, then chill it",
                    "curry|black beans|a fried egg", "mushy=use less water next time|crunchy=add a splash of water"),
            f("pasta", "pasta", ONE, "pasta", "boil it in lots of water|salt the water like the sea|stir it now and then"
                    + "|save a cup of the water", "firm when you bite it|tender, with a bite", "toss with oil, then chill it",
                    "tomato sauce|pesto|grated cheese", "sticky=use more water and stir|bland=salt the water well"),
            f("scrambled eggs", "scrambled eggs", MANY, "eggs|egg", "whisk them with a pinch of salt|low heat, a knob of butter"
                    + "|stir slowly with a spoon|pull them off while still soft", "soft and just set|still glossy and soft", "",
                    "buttered toast|chives|smoked salmon", "rubbery=cook them low and slow|watery=salt them at the end"),
            f("boiled eggs", "boiled eggs", MANY, "eggs|egg", "lower them into the boil|six minutes for a soft yolk"
                    + "|ten minutes for a firm one|then into cold water", "the timer tells you|a yolk set to your taste",
                    "keep them in the fridge", "toast soldiers|salt and pepper|a green salad",
                    "cracked=let them warm up first|hard to peel=use older eggs"),
            f("an omelette", "an omelette", ONE, "omelette|omelet", "beat the eggs with a fork|hot pan, a bit of butter"
                    + "|tilt the pan, let it run|fold it when still soft", "set but still soft inside|golden, not brown", "",
                    "a green salad|crusty bread|herbs and cheese", "dry=take it off sooner|torn=use a good nonstick pan"),
            f("pancakes", "pancakes", MANY, "pancakes|pancake", "rest the batter for a while|a hot pan, a film of oil"
                    + "|flip them when bubbles appear|do not press them down", "golden on both sides|bubbles on the top",
                    "stack them, wrap them, chill them", "maple syrup|lemon juice|fresh berries",
                    "flat=check your baking powder|tough=stir the batter less"),
            f("porridge", "porridge", ONE, "porridge|oats", "one cup oats to two of milk|stir it on a gentle heat"
                    + "|add a pinch of salt", "thick and creamy|soft, it coats the spoon", "", "honey|sliced banana|cinnamon",
                    "lumpy=stir it from the start|too thick=loosen it with milk"),
            f("soup", "soup", ONE, "soup", "soften onions first|simmer, never boil it hard|taste it as you go"
                    + "|season at the end", "the vegetables soft|the flavours have joined", "cool it, then freeze it in jars",
                    "crusty bread|a swirl of cream|grilled cheese", "bland=add salt and some lemon|too salty=add water, then taste again"),
            f("stew", "a stew", ONE, "stew", "brown the meat in batches|low and slow for hours|a lid and a low oven",
                    "the meat falls apart|a fork slides right through", "it tastes better the next day", "mashed potatoes|crusty bread|rice",
                    "tough=give it more time|watery=take the lid off, reduce"),
            f("risotto", "risotto", ONE, "risotto", "toast the rice in butter|add warm stock bit by bit"
                    + "|stir, and stir again|finish with butter and cheese", "creamy, with a bite|it flows like lava",
                    "eat it now, it will not wait", "mushrooms|peas and mint|a green salad",
                    "gluey=stop when it still has bite|crunchy=add more stock, keep stirring"),
            f("curry", "a curry", ONE, "curry", "fry the spices first|cook the onions until gold|simmer it gently",
                    "the sauce has thickened|oil shines on the top", "freeze it in small boxes", "rice|naan bread|yogurt",
                    "too hot=add yogurt or cream|bland=fry the spices longer"),
            f("pizza", "pizza", ONE, "pizza", "stretch the dough by hand|the oven hot as it goes|go easy on the sauce",
                    "the crust blistered brown|the cheese bubbling", "wrap the slices, chill them", "a green salad|cold lemonade|olives",
                    "soggy=heat the tray first|pale=bake it on the top shelf"),
            f("bread", "bread", ONE, "bread|loaf", "knead the dough until smooth|let it rise till doubled|bake it in a hot oven",
                    "it sounds hollow when tapped|a deep golden crust", "a paper bag, not the fridge", "butter|soup|cheese",
                    "dense=let it rise longer|flat=knead the dough for longer"),
            f("roast chicken", "a roast chicken", ONE, "chicken", "dry the skin, then salt it well|butter under the skin"
                    + "|roast it in a hot oven|rest it before you carve", "the juices run clear|the leg wiggles loose",
                    "chill it within two hours", "roast potatoes|gravy|green beans",
                    "dry=rest it, and roast it less|pale=dry it well, then high heat"),
            f("chicken breast", "a chicken breast", ONE, "chicken", "pound it to an even size|sear it, then lower the heat"
                    + "|let it rest five minutes", "no pink in the middle|the juices run clear", "chill it within two hours",
                    "rice|a green salad|roast vegetables", "dry=brine it, and cook it less|rubbery=cook it less time"),
            f("steak", "a steak", ONE, "steak", "let it warm up a bit|a smoking hot pan|salt it well before|rest it, then slice it",
                    "it springs back when pressed|a thermometer knows", "wrap it, chill it, eat it soon", "chips|a green salad|garlic butter",
                    "tough=slice it across the grain|grey=dry it, and get the pan hot"),
            f("salmon", "salmon", ONE, "salmon|fish", "skin side down in the pan|a hot pan, a little oil"
                    + "|leave it still, let it crisp", "it flakes when you press it|it turns from clear to pink",
                    "eat it within two days", "new potatoes|lemon|green beans",
                    "dry=take it off sooner|stuck=heat the pan first, then wait"),
            f("white fish", "white fish", ONE, "fish", "pat it dry with a towel|a gentle heat, some butter|bake it with lemon",
                    "it flakes with a fork|white all the way through", "eat it on the day", "chips|peas|a caper sauce",
                    "falling apart=turn it only once"),
            f("shrimp", "shrimp", MANY, "shrimp|prawns", "peel them, take the vein out|a hot pan, a quick fry|garlic and butter",
                    "pink and curled|they curl into a C", "eat them the same day", "garlic bread|rice|lemon",
                    "rubbery=cook them a minute less"),
            f("mussels", "mussels", MANY, "mussels|mussel", "scrub them in cold water|a lid, a splash of wine|steam them for minutes",
                    "the shells have opened|each shell open wide", "cook them the day you buy them", "crusty bread|chips|white wine",
                    "sandy=soak them in salt water first"),
            f("tofu", "tofu", ONE, "tofu", "press the water out|cut it into cubes|fry it until crisp", "golden on each side|crisp on the outside",
                    "keep it in fresh water", "rice|noodles|green vegetables", "soggy=press it for longer first|bland=marinate it first"),
            f("lentils", "lentils", MANY, "lentils|lentil", "rinse them, pick out stones|simmer them in water|salt them at the end",
                    "soft but holding shape|tender all the way", "they keep for days in the fridge", "rice|flatbread|yogurt",
                    "mushy=cook them for less time|hard=give them more water"),
            f("beans", "dried beans", MANY, "beans|bean", "soak them overnight|simmer them for hours|salt them when they soften",
                    "creamy in the middle|soft when you squeeze one", "freeze them in their liquid", "rice|cornbread|a fried egg",
                    "still hard=soak them longer|split=simmer, do not boil"),
            f("chickpeas", "chickpeas", MANY, "chickpeas|chickpea", "soak them overnight|simmer until soft|roast them until crisp",
                    "soft when you bite one|they crush with a fork", "keep them in their water", "flatbread|spinach|lemon",
                    "hard=cook them for longer"),
            f("potatoes", "potatoes", MANY, "potatoes|potato", "start them in cold water|salt the water well|roast them in hot fat",
                    "a knife slides in easily|soft all the way through", "a cool, dark place, not the fridge",
                    "roast chicken|butter|fresh herbs", "gluey=mash them gently|soggy=steam dry after draining"),
            f("mashed potatoes", "mashed potatoes", MANY, "potatoes|potato|mash", "boil them until soft|drain, let them steam dry"
                    + "|mash with warm milk, butter", "smooth and fluffy|no lumps left at all", "chill them, warm them with milk",
                    "sausages|gravy|roast chicken", "gluey=mash by hand, not a blender|lumpy=cook them longer first"),
            f("sweet potatoes", "sweet potatoes", MANY, "potatoes|potato", "roast them in their skins|cut them into wedges"
                    + "|a little oil and salt", "soft right through the middle|the sugars caramel", "a cool, dark place",
                    "black beans|chili|yogurt", "mushy=use a hotter oven"),
            f("onions", "onions", MANY, "onions|onion", "slice them thin and even|cook them low in butter|a pinch of salt, and patience",
                    "soft and see through|golden brown and sweet", "a cool, dark, airy place", "steak|liver|cheese",
                    "burnt=turn the heat down low|bitter=cook them more slowly"),
            f("garlic", "garlic", ONE, "garlic", "crush it with the knife|cook it gently, never brown|add it near the end",
                    "fragrant, pale gold|soft and sweet", "a dry place, out of the fridge", "butter|olive oil|bread",
                    "bitter=do not let it burn"),
            f("mushrooms", "mushrooms", MANY, "mushrooms|mushroom", "do not wash them, brush them|a hot pan, not too many"
                    + "|salt them at the end", "golden brown and dry|their water cooked away", "a paper bag in the fridge",
                    "toast|steak|risotto", "soggy=cook fewer at a time|rubbery=cook them longer"),
            f("spinach", "spinach", ONE, "spinach", "wash it well in water|wilt it in a hot pan|squeeze the water out",
                    "just wilted, bright green|dark green and soft", "a bag in the fridge", "eggs|garlic|chickpeas",
                    "watery=squeeze it hard|slimy=cook it for less time"),
            f("broccoli", "broccoli", ONE, "broccoli", "cut it into florets|steam it for five minutes|roast it till the edges char",
                    "bright green, still with crunch|tender when pierced", "a loose bag in the fridge", "garlic|lemon|cheese sauce",
                    "mushy=steam it for less time|bland=roast it, do not boil"),
            f("carrots", "carrots", MANY, "carrots|carrot", "peel them, cut them even|roast them with honey|steam them until tender",
                    "tender with a bite|soft when pierced", "the fridge, with the tops cut off", "roast chicken|butter|cumin",
                    "bland=roast them, do not boil"),
            f("green beans", "green beans", MANY, "beans|bean", "snap off the ends|blanch them in salted water|toss them in butter",
                    "bright green, still crisp|tender, not limp", "a bag in the fridge", "almonds|garlic|roast chicken",
                    "grey=cook them for less time"),
            f("peas", "peas", MANY, "peas|pea", "frozen peas are fine|a few minutes in the boil|butter and fresh mint",
                    "bright green and sweet|tender, not wrinkled", "the freezer keeps them best", "mint|fish|ham",
                    "wrinkled=cook them for less time"),
            f("corn", "corn", ONE, "corn", "boil the cobs for minutes|grill them in their husks|butter and salt",
                    "the kernels are plump|bright yellow and juicy", "eat it the day you pick it", "butter|lime|chili",
                    "tough=cook it less time"),
            f("cauliflower", "cauliflower", ONE, "cauliflower", "cut it into florets|roast it in a hot oven|steam it until tender",
                    "golden at the edges|tender when pierced", "a loose bag in the fridge", "cheese sauce|curry|lemon",
                    "mushy=roast it, do not boil"),
            f("cabbage", "cabbage", ONE, "cabbage", "slice it very thin|cook it quickly in butter|braise it with apple",
                    "just tender and bright|soft and sweet", "wrap it, chill it", "sausages|pork|caraway",
                    "smelly=cook it for less time"),
            f("kale", "kale", ONE, "kale", "strip the leaves from stems|massage it with oil and salt|bake it into chips",
                    "dark green and tender|crisp at the edges", "a bag in the fridge", "garlic|lemon|beans",
                    "tough=massage it longer|bitter=add lemon and salt"),
            f("asparagus", "asparagus", ONE, "asparagus", "snap off the woody ends|grill it for minutes|a little butter",
                    "bright green and tender|it bends but stands", "stand it in water, then chill", "eggs|lemon|ham",
                    "stringy=peel the ends first"),
            f("zucchini", "zucchini", ONE, "zucchini|courgette", "slice it into rounds|a hot pan, a little oil|salt it, let it drain",
                    "golden, not soggy|tender with a bite", "a bag in the fridge", "garlic|mint|tomatoes",
                    "soggy=salt it first, then dry it"),
            f("eggplant", "eggplant", ONE, "eggplant|aubergine", "salt the slices first|roast it whole until soft|fry it in hot oil",
                    "soft and silky|it collapses", "a cool place, eat it soon", "tomatoes|yogurt|rice",
                    "bitter=salt it before cooking|oily=roast it instead"),
            f("peppers", "peppers", MANY, "peppers|pepper", "slice them into strips|char them over a flame|roast them, peel the skin",
                    "soft and sweet|the skin blistered black", "the fridge, in a bag", "eggs|rice|feta",
                    "bitter=cook them a little less"),
            f("tomatoes", "tomatoes", MANY, "tomatoes|tomato", "keep them out of the fridge|slice them with a sharp knife"
                    + "|roast them slowly, with salt", "soft and jammy|their skins begin to split", "on the counter, not the fridge",
                    "basil|mozzarella|bread", "bland=salt them, let them sit"),
            f("tomato sauce", "tomato sauce", ONE, "sauce|tomato|tomatoes", "soften garlic in oil|add tomatoes, simmer long"
                    + "|a pinch of sugar, some salt", "thick and glossy|the oil shines on the top", "freeze it in jars",
                    "pasta|pizza|meatballs", "sour=add a pinch of sugar|watery=simmer it longer"),
            f("salad", "a salad", ONE, "salad", "dry the leaves well|dress it at the last moment|a little oil and lemon",
                    "crisp and freshly dressed|glossy, not soggy", "keep the dressing apart", "grilled fish|bread|roast chicken",
                    "soggy=dress it just before eating|bland=salt it, add some lemon"),
            f("avocado", "an avocado", ONE, "avocado|avocados", "cut it round the stone|scoop it with a spoon|lime juice keeps it green",
                    "ripe when it gives a little|soft under your thumb", "a paper bag to ripen", "toast|eggs|tomatoes",
                    "brown=add lime juice, cover it"),
            f("guacamole", "guacamole", ONE, "guacamole", "mash ripe avocados|lime, salt, and onion|a little fresh chili",
                    "chunky, bright and green|it tastes of lime", "press film on the top", "tortilla chips|tacos|eggs",
                    "brown=press film right on the top"),
            f("hummus", "hummus", ONE, "hummus", "blend chickpeas with tahini|lemon, garlic, and salt|a splash of cold water",
                    "smooth and creamy|light and fluffy", "a jar in the fridge", "flatbread|carrots|olives",
                    "grainy=blend it for longer|thick=add a splash of water"),
            f("apples", "apples", MANY, "apples|apple", "peel them, core them, slice them|bake them with butter|stew them with cinnamon",
                    "soft but holding shape|tender when pierced", "a cool place, or the fridge", "cheese|custard|pork",
                    "brown=add a squeeze of lemon"),
            f("bananas", "bananas", MANY, "bananas|banana", "mash the ripest ones|bake them into bread|slice them on oats",
                    "brown spots mean sweet|soft and fragrant", "on the counter, not the fridge", "oats|peanut butter|chocolate",
                    "too ripe=bake them into bread"),
            f("strawberries", "strawberries", MANY, "strawberries|strawberry", "rinse them just before|hull them with a knife"
                    + "|sugar draws out the juice", "red right to the top|sweet and fragrant", "the fridge, unwashed",
                    "cream|shortcake|chocolate", "sour=add a little sugar"),
            f("lemons", "lemons", MANY, "lemons|lemon", "roll them on the board|zest them before juicing|warm them for more juice",
                    "heavy for their size|bright yellow and firm", "a bowl on the counter", "fish|tea|sugar",
                    "bitter=leave out the white pith"),
            f("ginger", "ginger", ONE, "ginger", "peel it with a spoon|grate it very fine|fry it with garlic",
                    "fragrant and golden|soft and sharp", "freeze it, grate it frozen", "garlic|soy sauce|honey",
                    "stringy=grate it across the grain"),
            f("chili", "chili", ONE, "chili", "brown the meat in batches|add beans and spices|simmer it for an hour",
                    "thick and dark|the beans are tender", "it freezes well", "rice|cornbread|sour cream",
                    "too hot=add sour cream|watery=simmer it without a lid"),
            f("tacos", "tacos", MANY, "tacos|taco", "warm the tortillas first|a little meat, much salsa|lime and fresh coriander",
                    "the tortillas soft|the filling hot", "keep the fillings apart", "salsa|guacamole|beans",
                    "soggy=warm the tortillas dry"),
            f("burgers", "burgers", MANY, "burgers|burger", "do not press them down|salt them just before|a hot grill, one flip",
                    "juices at the top|firm but springy", "freeze the raw patties", "chips|pickles|a green salad",
                    "dry=use meat with some fat|falling apart=chill them first"),
            f("meatballs", "meatballs", MANY, "meatballs|meatball", "mix the meat with breadcrumbs|roll them with wet hands"
                    + "|brown them, then simmer", "firm and cooked through|no pink in the middle", "freeze them on a tray",
                    "spaghetti|tomato sauce|bread", "tough=mix them gently|falling apart=add an egg"),
            f("sausages", "sausages", MANY, "sausages|sausage", "cook them low and slow|turn them often|do not prick them",
                    "brown on every side|firm and hot inside", "freeze them in a bag", "mashed potatoes|onions|mustard",
                    "bursting=use a lower heat"),
            f("bacon", "bacon", ONE, "bacon", "start it in a cold pan|bake it on a tray|drain it on paper",
                    "crisp and golden|the fat has melted", "wrap it, chill it", "eggs|toast|pancakes",
                    "curly=bake it in the oven|chewy=cook it a little longer"),
            f("pork chops", "pork chops", MANY, "pork|chops", "salt them an hour before|sear them in a hot pan|rest them, then serve",
                    "a touch of pink inside|firm with a little give", "chill them within two hours", "apples|mustard|green beans",
                    "dry=brine them first|tough=cook them less"),
            f("lamb", "lamb", ONE, "lamb", "rub it with garlic and herbs|roast it in a hot oven|rest it before you carve",
                    "pink in the middle|a thermometer knows", "chill it within two hours", "mint|rosemary|roast potatoes",
                    "tough=slow roast it longer"),
            f("turkey", "a turkey", ONE, "turkey", "salt it the day before|butter under the skin|rest it for an hour",
                    "the juices run clear|the thigh is tender", "chill it within two hours", "gravy|cranberry sauce|stuffing",
                    "dry=cook it a little less"),
            f("dumplings", "dumplings", MANY, "dumplings|dumpling", "a thin round of dough|pleat the edges closed"
                    + "|steam them or fry them", "they float to the top|the skins turn see through", "freeze them on a tray",
                    "soy sauce|chili oil|vinegar", "split=seal the edges well|stuck=oil the steamer first"),
            f("noodles", "noodles", MANY, "noodles|noodle", "boil them in lots of water|rinse them after cooking|toss them in sesame oil",
                    "soft but springy|tender with a bite", "toss with oil, then chill them", "soy sauce|vegetables|eggs",
                    "sticky=rinse them in cold water"),
            f("fried rice", "fried rice", ONE, "rice", "use rice from yesterday|a very hot wok|egg, then rice, then soy",
                    "every grain is hot|the rice is toasty", "chill it fast, eat it soon", "eggs|spring onions|chili oil",
                    "mushy=use cold rice from the fridge|soggy=cook in small batches"),
            f("stir fry", "a stir fry", ONE, "stir|fry", "cut everything small|a very hot wok|cook the hardest things first",
                    "bright and still crunchy|glossy with sauce", "eat it fresh", "rice|noodles|chili oil",
                    "soggy=cook in small batches"),
            f("lasagna", "lasagna", ONE, "lasagna|lasagne", "layer sauce, pasta, cheese|bake it until bubbling"
                    + "|rest it before you cut", "bubbling at the edges|golden on the top", "it freezes well",
                    "a green salad|garlic bread|red wine", "runny=rest it before slicing"),
            f("mac and cheese", "mac and cheese", ONE, "mac|cheese|macaroni", "make a sauce of milk and cheese"
                    + "|cook the pasta less|bake it till golden", "golden and bubbling|creamy, not dry", "chill it, warm it with milk",
                    "ham|peas|a green salad", "grainy=take the sauce off the heat"),
            f("grilled cheese", "a grilled cheese", ONE, "cheese", "butter the outside|a low heat, a lid|press it gently down",
                    "golden and melted|the cheese runs out", "eat it hot", "tomato soup|pickles|apples",
                    "burnt=use a lower heat"),
            f("French toast", "French toast", ONE, "toast", "soak the bread in egg and milk|use bread from yesterday"
                    + "|fry it in butter", "golden on both sides|set in the middle", "freeze the slices", "maple syrup|berries|bacon",
                    "soggy=use drier bread"),
            f("waffles", "waffles", MANY, "waffles|waffle", "heat the iron well|do not open it too soon|a little melted butter",
                    "the steam has stopped|golden and crisp", "freeze them, toast them", "maple syrup|berries|cream",
                    "soggy=cool them on a rack"),
            f("muffins", "muffins", MANY, "muffins|muffin", "stir the batter just enough|fill the cups three quarters"
                    + "|a hot oven at first", "a skewer comes out clean|springy when pressed", "a tin, or freeze them",
                    "butter|coffee|jam", "tough=stir the batter less|flat=fill the cups higher"),
            f("cookies", "cookies", MANY, "cookies|cookie", "cream the butter and sugar|chill the dough a while"
                    + "|leave space on the tray", "golden at the edges|soft in the middle", "a tin with a slice of bread",
                    "milk|ice cream|coffee", "flat=chill the dough first|hard=bake them less time"),
            f("brownies", "brownies", MANY, "brownies|brownie", "melt the chocolate slowly|do not overmix|take them out early",
                    "a few moist crumbs|set at the edges", "a tin, or the freezer", "ice cream|raspberries|coffee",
                    "dry=bake them for less time|cakey=use less flour"),
            f("cake", "a cake", ONE, "cake|sponge", "cream the butter and sugar|fold the flour in gently|do not open the door",
                    "a skewer comes out clean|it springs back when pressed", "a tin, out of the fridge", "cream|tea|berries",
                    "sunken=do not open the oven|dry=bake it for less time"),
            f("pie crust", "a pie crust", ONE, "pie|crust|pastry", "keep the butter cold|do not overwork it"
                    + "|rest it in the fridge", "golden and flaky|crisp on the bottom", "freeze it, wrapped well", "apples|cherries|custard",
                    "tough=handle it less|soggy=bake the base first"),
            f("custard", "custard", ONE, "custard", "warm the milk with vanilla|whisk the yolks with sugar|stir it on a low heat",
                    "it coats the spoon|thick like cream", "press film on the top, chill it", "apple pie|rhubarb|cake",
                    "lumpy=strain it, and use less heat|thin=cook it a little longer"),
            f("meringue", "meringue", ONE, "meringue", "a clean bowl, no yolk|add the sugar slowly|bake it low and slow",
                    "crisp and dry|it lifts off the paper", "a tin, away from damp", "berries|cream|lemon curd",
                    "weeping=add the sugar slowly|flat=whisk it longer"),
            f("granola", "granola", ONE, "granola|oats", "oats, nuts, honey, oil|bake it low, stir it often"
                    + "|let it cool to crisp", "golden and fragrant|it crisps as it cools", "a jar with a tight lid",
                    "yogurt|milk|berries", "burnt=stir it often, lower heat"),
            f("smoothies", "smoothies", MANY, "smoothies|smoothie", "frozen fruit makes it cold|a banana makes it thick"
                    + "|add milk bit by bit", "smooth with no lumps|thick enough to sip", "drink it the same day",
                    "granola|toast|nuts", "thin=add frozen banana"),
            f("couscous", "couscous", ONE, "couscous", "pour over boiling stock|cover it for five minutes|fluff it with a fork",
                    "soft, each grain apart|the stock all drunk", "a box in the fridge", "stew|roast vegetables|chickpeas",
                    "clumpy=fluff it with a fork"),
            f("quinoa", "quinoa", ONE, "quinoa", "rinse it well first|one part to two of water|simmer with a lid",
                    "little tails appear|the water all gone", "a box in the fridge", "roast vegetables|feta|beans",
                    "bitter=rinse it well first"),
            f("polenta", "polenta", ONE, "polenta", "pour it in a thin stream|whisk it as it thickens|stir, and stir again",
                    "thick and smooth|it pulls from the pan", "set it, slice it, fry it", "mushrooms|stew|cheese",
                    "lumpy=whisk it as you pour"),
            f("gnocchi", "gnocchi", MANY, "gnocchi", "use starchy potatoes|a light hand with flour|boil them until they float",
                    "they float to the top|soft and pillowy", "freeze them on a tray", "butter and sage|tomato sauce|pesto",
                    "gluey=use less flour, knead less"),
            f("paella", "paella", ONE, "paella", "a wide and shallow pan|do not stir the rice|saffron for colour",
                    "a crust on the bottom|the stock all gone", "eat it the same day", "lemon|a green salad|white wine",
                    "mushy=do not stir the rice"),
            f("gravy", "gravy", ONE, "gravy", "use the roasting juices|stir in flour, then stock|simmer, then strain",
                    "it coats the spoon|smooth and glossy", "freeze it in small pots", "roast chicken|mashed potatoes|sausages",
                    "lumpy=whisk, then strain it|thin=simmer it longer"),
            f("pesto", "pesto", ONE, "pesto|basil", "basil, garlic, pine nuts|pound it in a mortar|a good olive oil",
                    "bright green and fragrant|thick and glossy", "oil on top, in a jar", "pasta|bread|tomatoes",
                    "dark=add lemon juice"),
            f("pickles", "pickles", MANY, "pickles|pickle", "vinegar, sugar, and salt|pour it hot over the jars|wait a day or two",
                    "sharp and crunchy|the colour has changed", "the fridge, in a jar", "burgers|cheese|sandwiches",
                    "soft=use fresher vegetables"),
            f("jam", "jam", ONE, "jam", "fruit, sugar, and a lemon|boil it hard and fast|test a drop on a cold plate",
                    "it wrinkles when pushed|it sets on the plate", "clean jars, sealed while hot", "toast|scones|yogurt",
                    "runny=boil it a little longer"),
            f("scones", "scones", MANY, "scones|scone", "cold butter, light hands|do not twist the cutter|bake them close together",
                    "tall and golden|hollow when tapped", "a tin, or freeze them", "jam|cream|tea",
                    "flat=do not twist the cutter|tough=handle the dough less"),
            f("tea", "tea", ONE, "tea", "water just off the boil|steep it three minutes|warm the pot first",
                    "the colour of amber|strong enough to please", "a tin, away from light", "biscuits|lemon|scones",
                    "bitter=steep it for less time"),
            f("coffee", "coffee", ONE, "coffee", "grind the beans just before|water just off the boil|one spoon for each cup",
                    "dark and fragrant|a golden crema", "a sealed tin, away from light", "cake|milk|cookies",
                    "bitter=use cooler water|weak=use more coffee"),
            f("hot chocolate", "hot chocolate", ONE, "chocolate", "warm the milk slowly|melt real chocolate in|whisk it until frothy",
                    "smooth and glossy|steaming, not boiling", "make it fresh", "marshmallows|cream|cookies",
                    "grainy=whisk it well|covered in skin=whisk it as it warms"));

    // verb, gerund, accept, how, why, things to do it to
    static final List<Technique> TECHNIQUES = List.of(
            t("blanch", "blanching", "blanch|blanching|blanched", "boil it for a moment|then plunge it in ice water",
                    "it keeps the colour bright|it loosens the skins", "green beans|broccoli|peas|tomatoes"),
            t("braise", "braising", "braise|braising|braised", "brown it, then add liquid|a lid and a low oven|cook it slow for hours",
                    "tough cuts turn tender|the sauce grows rich", "beef|lamb|cabbage|leeks"),
            t("poach", "poaching", "poach|poaching|poached", "barely simmering water|slip it in gently|vinegar helps the eggs",
                    "it keeps food tender|a gentle heat", "eggs|pears|salmon|chicken"),
            t("sear", "searing", "sear|searing|seared", "a smoking hot pan|dry the meat first|do not move it",
                    "a brown crust for flavour|it builds deep flavour", "steak|scallops|tuna|lamb"),
            t("roast", "roasting", "roast|roasting|roasted", "hot oven, a little oil|spread it on a tray|turn it halfway through",
                    "browning brings out sweetness|crisp edges and soft middles", "carrots|potatoes|chicken|peppers"),
            t("steam", "steaming", "steam|steaming|steamed", "a lid, simmering water|the food above the water"
                    + "|a basket in the pan", "it keeps the colour and crunch|nothing boils away", "broccoli|fish|dumplings|rice"),
            t("simmer", "simmering", "simmer|simmering|simmered", "small bubbles, never a boil|turn the heat down low",
                    "a boil makes meat tough|it keeps soups clear", "soup|stew|beans|sauce"),
            t("saute", "sauteing", "saute|sauteing|sauteed", "a hot pan, a little fat|keep things moving|cook in small batches",
                    "quick, with a little colour|it keeps things crisp", "mushrooms|onions|spinach|shrimp"),
            t("deglaze", "deglazing", "deglaze|deglazing|deglazed", "pour wine in the hot pan|scrape the brown bits up",
                    "the brown bits are flavour|it makes a quick sauce", "a pan|a roasting tin"),
            t("knead", "kneading", "knead|kneading|kneaded", "push the dough, fold it, turn it|ten minutes by hand",
                    "it builds the gluten|the bread will rise tall", "bread dough|pizza dough"),
            t("fold", "folding", "fold|folding|folded", "a big spoon, a gentle hand|cut through, then lift and turn",
                    "it keeps the air inside|the batter stays light", "egg whites|cream|flour"),
            t("whisk", "whisking", "whisk|whisking|whisked", "a clean bowl and a fast hand|lift the whisk to add air",
                    "air makes things light|it smooths out lumps", "eggs|cream|egg whites"),
            t("marinate", "marinating", "marinate|marinating|marinated", "oil, acid, salt, and spice|chill it, covered, for hours",
                    "flavour sinks in|it softens the outside", "chicken|tofu|lamb|mushrooms"),
            t("caramelize", "caramelizing", "caramelize|caramelizing|caramelized|caramel",
                    "low heat and lots of time|do not rush the sugar", "sugars turn to sweetness|deep brown means deep flavour",
                    "onions|sugar|bananas"),
            t("brine", "brining", "brine|brining|brined", "salt dissolved in water|soak it for some hours",
                    "the meat stays juicy|salt seasons all through", "chicken|pork chops|turkey"),
            t("temper", "tempering", "temper|tempering|tempered", "add hot liquid bit by bit|whisk it all the while",
                    "the eggs will not scramble|chocolate stays glossy", "eggs|chocolate"),
            t("reduce", "reducing", "reduce|reducing|reduced", "simmer with no lid|let the water steam away",
                    "the flavour grows strong|the sauce gets thicker", "a sauce|stock|wine"),
            t("season", "seasoning", "season|seasoning|seasoned", "salt a little at a time|taste it, then taste again",
                    "salt wakes up the flavour|bland food needs salt", "soup|meat|vegetables"),
            t("rest", "resting", "rest|resting|rested", "leave it on a warm board|wait before you slice",
                    "the juices settle|the meat stays juicy", "steak|roast chicken|lamb"),
            t("zest", "zesting", "zest|zesting|zested", "grate only the colour|stop before the white pith",
                    "the oil is in the peel|bright flavour, no juice", "lemons|limes|oranges"),
            t("proof", "proofing", "proof|proofing|proofed", "a warm place, covered well|wait till it has doubled",
                    "the yeast makes it rise|the bread grows light", "bread dough|pizza dough|buns"),
            t("grill", "grilling", "grill|grilling|grilled", "a very hot grill|oil the food, not the grill|turn it only once",
                    "smoky flavour and char|fat drips away", "corn|burgers|peppers|fish"),
            t("fry", "frying", "fry|frying|fried", "oil hot enough to sizzle|do not crowd the pan|drain it on paper",
                    "a crisp golden outside|fast and full of flavour", "eggs|potatoes|fish|tofu"),
            t("toast", "toasting", "toast|toasting|toasted", "a dry pan, a low heat|shake the pan, watch closely",
                    "it wakes up the oils|nuts taste nuttier", "nuts|seeds|spices|bread"));
}
