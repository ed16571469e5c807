// Passwords people pick most often, compared after folding (lower case, digits and symbols trimmed from the ends,
// l33t undone), so "Password12" and "P@ssw0rd!" match "password".
// Source: the most frequent entries of SecLists' Passwords/Common-Credentials/10k-most-common.txt
// (github.com/danielmiessler/SecLists, MIT licence), profanity left out, plus keyboard walks and the words
// a Saudi association's staff are most likely to reach for (the association's own vocabulary, places, faith).
const LIST = `
password passwd passw0rd pass qwerty dragon baseball football letmein monkey abc mustang michael shadow master
jennifer jordan superman harley hunter trustno ranger buster thomas tigger robert soccer batman test killer hockey
george charlie andrew michelle love sunshine jessica pepper daniel access joshua maggie starwars silver william dallas
yankees ashley hello amanda orange biteme freedom computer thunder nicole ginger heather hammer summer corvette taylor
austin merlin matthew golfer cheese princess martin chelsea patrick richard diamond yellow bigdog secret asdfgh sparky
cowboy camaro anthony matrix falcon iloveyou bailey guitar jackson purple scooter phoenix morgan tigers porsche mickey
maverick cookie nascar peanut justin money samantha steelers joseph snoopy boomer whatever iceman smokey gateway dakota
cowboys eagles chicken black zxcvbn please andrea ferrari knight melissa compaq coffee booboo johnny bulldog welcome
james player wizard scooby charles junior internet mike brandy tennis banana monster spider lakers miller rabbit enter
mercedes brandon steven fender john yamaha diablo chris boston tiger marine chicago rangers gandalf winter barney edward
raiders badboy spanky bigdaddy johnson chester london midnight blue fishing hannah slayer rachel redsox asdf marlboro
panther zxcvbnm arsenal oliver qazwsx mother victoria jasper angel david winner crystal golden viking jack shannon
murphy angels prince cameron madison wilson carlos willie startrek captain maddog jasmine butter angela golf lauren
rocket tiffany theman dennis liverpool flower forever green jackie muffin turtle sophie danielle redskins toyota jason
sierra winston debbie giants packers newyork jeremy casper bubba sandra lovers mountain united cooper driver tucker
helpme pookie lucky maxwell bear gators jaguar monica fred happy hotdog gemini lover canada nathan victor florida
nicholas rosebud metallica doctor trouble success stupid tomcat warrior peaches apples fish magic buddy dolphins
rainbow gunner freddy alexis braves cocacola xavier dolphin testing member calvin voodoo samson alex apollo fire tester
walter voyager peter bonnie beer apple scorpio jonathan skippy sydney scott power gordon travis star legend yankee
blazer runner birdie parker topgun asdfasdf heaven viper animal bigboy arthur baby private godzilla donald williams
phantom dave rock august sammy cool brian platinum jake bronco paul mark frank copper billy garfield willow little
carter albert kitten super shelby america jessie house free chevy white broncos surfer nissan saturn airborne elephant
marvin action adidas qwert kevin explorer walker police christine december benjamin wolf sweet therock king online
brooklyn teresa cricket sharon dexter racing gregory dreams michigan magnum nothing donkey trinity digital stella
cartman guinness speedy buffalo kitty eagle einstein kelly nelson nirvana vampire playboy louise pumpkin snowball
girl mexico beatles fantasy ford gibson celtic marcus cherry cassie natasha sniper chance genesis hotrod jester
college smith lasvegas carmen slipknot kimberly eclipse stanley samuel drummer homer montana music spencer jimmy
carolina colorado creative rocky goober friday scotty abcdef bubbles hawaii fluffy stephen horses thumper darkness
asdfghjk pamela vanessa sandman douglas honda matt azerty shorty beach loveme simple poohbear destiny sarah denise
vikings lizard melanie sabrina nintendo water good howard time november october leather young extreme vincent
lacrosse hotmail spooky alaska badger paradise crazy mozart video russell spitfire anderson norman eric cherokee
cougar barbara family horse enigma allison raider brazil blonde jones dude school marshall lovely jeffrey caroline
franklin molly snickers leslie courtney diesel eminem westside suzuki daddy passion hummer zachary frankie elvis
reggie alpha simpson patricia pirate tommy jupiter freeuser paris natalie babygirl bishop windows spirit pantera
monday patches brutus houston smooth penguin marley forest flash maximus bobby bradley vision pokemon champion fireman
softball picard system clinton cobra enjoy claire claudia timothy marines security admin administrator wildcats dancer
veronica ironman wolverine remember great freepass bigred justice francis kermit mercury domino denver brooke rascal
simon tony friend peekaboo stargate saints brittany zombie swimming duke scotland disney rooster brenda candy duncan
olivia hunting alicia samsung virginia general passport liberty arizona jesus newport skipper classic popcorn turkey
jenny amber bunny mouse titanic dreamer everton friends gabriel psycho nemesis connor ireland lincoln arnold patriots
empire cardinal brown kawasaki people light kramer chopper honey whynot lisa baxter adam snake airplane britney avalon
sandy sugar raven scarface elizabeth trucks raymond american movie woody snowman shooter france stars sports jerry
garcia perfect service spring oscar brother single georgia texas party bullet sailor japan flowers berlin marina
fisher russia testtest machine pyramid infinity inside pepsi control hercules changeme caesar sunset danger rusty
business sterling england seattle rose harry pandora storm malibu joker detroit cheyenne smoke seven wonder pizza
pretty stealth awesome athena help holiday street casey gizmo triumph daisy special country omega miranda search
unicorn ronald harrison trigger home winnie beauty thailand cadillac castle tyler sunny stones loveyou indiana
trumpet colors fireball logan precious aaron jungle atlanta gold corona polaris skyline dragons engineer open world
linda barbie farmer larry travel morpheus target laura savage holly dollar turbo design newton moon future random
smiley express stone andy babylon powers serenity samurai birthday alfred maria airforce watson always dodge burger
pink hamilton paladin sunday garden icecream spartan julie galaxy holland planet peace marie whiskey plastic savannah
mister marathon irish diamonds tristan ready april shadow bluesky soldier picture manager google camera cookies
energy sophia freeman french speed henry ghost mission january singer shark techno autumn orion delta network teacher
toronto genius dream karate pacific felix sailing jacob python ninja misty sweetie smile emerald microsoft quality
kennedy office user masters global life capital sasha
qwertyuiop asdfghjkl asdfghjkl qwertyui qazwsxedc qazwsxedcrfv zaqxswcde zaq1xsw2 zaq12wsx 1qaz2wsx 1qaz2wsx3edc
1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 qwe123 123qwe 123qweasd qweasdzxc qweasd asdzxc abcd abcdefg
abcdefgh abcdefghij abc123 a1b2c3 a1b2c3d4 1234567890 0123456789 0987654321 9876543210 1234512345 1122334455
12345678910 1111111111 1234554321 147258369 741852963 159357 123456789a
welcome password changeme letmein default secret login admin root
wasl wasl2024 wasl2025 wasl2026 jameyah jamiyah jamiya association charity khair khayr alkhair alkhayr
saudi saudia saudiarabia ksa alsaudia riyadh alriyadh jeddah jiddah makkah mecca makka madinah medina dammam khobar
taif tabuk abha qassim buraidah hail najran jazan
allah allahu bismillah alhamdulillah alhamdulilah subhanallah mashallah inshallah astaghfirullah lailahaillallah
muhammad mohammed mohammad mohamed ahmad ahmed abdullah abdallah abdulrahman abdulaziz khalid khaled faisal fahad
fahd sultan salman saud turki nasser nasir omar umar ali hassan hussein ibrahim yousef youssef yusuf saleh salih
nora noura fatima aisha maryam sara sarah reem hind
ramadan eid hijri salam salaam habibi habibti hayati
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter((word) => word !== ''));
