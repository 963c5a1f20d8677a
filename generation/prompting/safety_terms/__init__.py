"""Term lists for :mod:`.safety`, by category: the per-language files beside this module (``<code>.toml``, see
README.md) plus the lists below. Modest on purpose, reviewed by moderators; add a term together with a test that
shows why. The lists below hold language-independent names (athletes, celebrities, political figures) and the
first ten languages (en, it, fr, de, es, pt, ru, zh, ja, ko) until they move to their own files.

Syntax is :mod:`.lexicon`'s (``*`` = prefix, CJK = substring). Korean, Chinese, Japanese and Thai terms are written
without spaces: they are looked for in the text with its spaces removed, so "토막 살인" could never match. Latin terms
are matched as whole tokens, so "sex" never matches "Sussex" and "anal" never matches "analysis". Slurs are listed
because a filter that cannot name them cannot find them; they appear nowhere else in the code base.
"""

from __future__ import annotations

import functools
from pathlib import Path

# ---- blocked on their own
# -------------------------------------------------------------------------------------
SEXUAL = (
    "sex | sexual | sex act | porn | porno | pornographic | pornography | nude | nudes | naked | nudity"
    " | nsfw"
    " | hentai | erotic | erotica | orgasm | genital* | penis | vagina | boobs | tits | nipples | blowjob"
    " | handjob"
    " | masturbat* | intercourse | stripper | striptease | topless | bottomless | no clothes"
    " | without clothes"
    " | undressed | undressing | lewd | fetish | birthday suit | in the nude | in the buff | nothing on but"
    " | wearing nothing | au naturel"
    " | donna nuda | ragazza nuda | tutta nuda | corpi nudi | tutti nudi | sesso | sessuale | pornografi*"  # it
    " | spogliat*"  # it
    " | nue | nues | sexe | sexuel | sexuelle | erotique | deshabille*"  # fr
    " | nackt* | sexuell* | erotisch* | ausgezogen"  # de
    " | desnud* | sexo | erotico | erotica"  # es
    " | mulher nua | ficou nua | toda nua | menina nua"  # pt
    " | голая | голый | голые | порно* | секс | секса | сексом | эротик* | обнажен*"  # ru
    " | 色情 | 裸体 | 裸體 | 裸照 | 全裸 | 性爱 | 性愛 | 做爱 | 做愛 | 黄片 | 成人片 | 脱光 | 脫光 | 一丝不挂"
    " | 一絲不掛"  # zh
    " | ヌード | エロ動画 | エロ画像 | エロ漫画 | ポルノ | セックス | 性行為 | 全裸の | 裸の女 | 裸の男 | 無修正"  # ja
    " | 누드 | 나체 | 알몸 | 야한 | 포르노 | 섹스 | 성행위"  # ko
    " | porn video | porno video | adult video | adult film | adult movie | sex scene | sex video"  # en
    " | having sex | oral sex | fucking | stark naked | completely naked | fully nude | butt naked"  # en
    " | buck naked | bare naked | stripped naked | strip naked | skinny dipping | nudist | nudists"  # en
    " | video porno | film porno | scopare | scopata | pompino | sesso orale | il pene | el pene | su pene"  # it
    " | vagina"  # it
    " | completamente nuda | completamente nudo | svestita | svestito | senza vestiti | erotic*"  # it
    " | film porno | video porno | partouze | fellation | sexe oral | penis | vagin | toute nue | tout nu"  # fr
    " | completement nue | a poil | sans vetements | se deshabille"  # fr
    " | pornofilm | pornovideo | sexvideo | ficken | gefickt | oralsex | penis | vagina | splitternackt"  # de
    " | nacktbild* | entkleidet | ohne kleidung"  # de
    " | video porno | pelicula porno | follar | mamada | sexo oral | il pene | el pene | su pene | vagina"  # es
    " | en pelotas | sin ropa"  # es
    " | completamente desnuda | completamente desnudo"  # es
    " | porno | pornografia | filme porno | video porno | transar | boquete | sexo oral | penis"  # pt
    " | vagina | sem roupa | tirando a roupa | completamente nua | completamente nu"  # pt
    " | порнуха | трахаться | трахает | ебать | минет | пенис | влагалище | оральный секс | голышом | нагишом"  # ru
    " | раздетая | раздетый | разделась | без одежды"  # ru
    " | 黄色视频 | 黃色視頻 | 三级片 | 三級片 | 裸奔 | 光着身子 | 光著身子 | 口交 | 阴茎 | 陰莖 | 阴道 | 陰道"  # zh
    " | 自慰"  # zh
    " | アダルトビデオ | 全裸で | 素っ裸 | 真っ裸 | すっぽんぽん | 陰茎 | オナニー"  # ja
    " | 성인영상 | 알몸으로 | 나체로 | 발가벗은 | 오럴섹스"  # ko
)
GORE = (
    "gory scene | gory scenes | gory death | gory details | gore scene | full gore | extreme gore | blood and gore"
    " | decapitat* | behead* | dismember* | disembowel* | eviscerat* | entrails | mutilat*"
    " | severed head | severed heads | severed limbs | bloodbath | blood bath"
    " | smembrat* | sbudellat* | decapit* | demembr* | eventr* | mutil* | enthauptet* | zerstuckel*"
    " | ausgeweidet* | verstummel* | desmembrad* | destripad* | estripad* | обезглав* | расчлен* | выпотрош*"
    " | 斩首 | 斬首 | 肢解 | 血肉模糊 | 开膛 | 開膛 | 碎尸 | 碎屍 | 爆头 | 爆頭 | 首切り | 内臓"
    " | バラバラ死体"
    " | 惨殺 | 참수 | 내장이쏟아 | 토막살인 | 시체훼손"
    " | throat slit | slit throat | slit his throat | slit her throat | cut his throat | cut her throat"  # en
    " | throat cut | guts spilling | guts spilled | spilling guts | entrails spilling | quartered body"  # en
    " | drawn and quartered | hacked to pieces | chopped to pieces | severed arm | severed arms | severed leg"  # en
    " | severed legs | severed limb"  # en
    " | testa mozzata | teste mozzate | sgozzat* | gola tagliata | tagliato la gola | squartat* | budella"  # it
    " | interiora | fatto a pezzi"  # it
    " | tete coupee | tetes coupees | egorge* | gorge tranchee | tranche la gorge | ecartele*"  # fr
    " | tripes a l air | entrailles | visceres | coupe en morceaux"  # fr
    " | gekopft | abgetrennter kopf | abgeschlagener kopf | kehle durchgeschnitten | kehle aufgeschlitzt"  # de
    " | gevierteilt | eingeweide | gedarme | aufgeschlitzt | abgetrennte gliedmassen"  # de
    " | cabeza cortada | cabezas cortadas | degollad* | deguello | garganta cortada | corto el cuello"  # es
    " | descuartizad* | tripas fuera | entranas | visceras | despedazad*"  # es
    " | cabeca cortada | cabecas cortadas | degolad* | garganta cortada | esquartejad* | tripas para fora"  # pt
    " | entranhas | visceras"  # pt
    " | отрубленная голова | отрезанная голова | отрубил голову | перерезанное горло | перерезал горло"  # ru
    " | четвертован* | кишки наружу | внутренности | вспоротый живот | оторванные конечности"  # ru
    " | 砍头 | 砍頭 | 割断喉咙 | 割斷喉嚨 | 人头落地 | 人頭落地 | 分尸 | 分屍 | 五马分尸 | 五馬分屍"  # zh
    " | 肠子流出 | 腸子流出 | 开膛破肚 | 開膛破肚 | 断肢 | 斷肢"  # zh
    " | 首を斬 | 生首 | 首なし死体 | 喉を切り裂 | バラバラにされ | 腸が飛び出 | 八つ裂き"  # ja
    " | 목이잘린 | 목을자른 | 토막난시신 | 사지절단 | 내장이튀어나온"  # ko
    " | cut up body | cut-up body | chopped up body | chopped-up body | body cut into pieces"  # en
    " | body parts scattered | guts hanging out | intestines hanging out | intestines spilling"  # en
    " | intestines spilled | bloody corpse | bloody corpses | bloodied corpse | mangled corpse"  # en
    " | mangled body | mutilated body | flayed | flaying | skinned alive | brains splattered"  # en
    " | brains blown out | impaled body | torn limb from limb | ripped apart body"  # en
    " | cadavere insanguinato | cadaveri insanguinati | scuoiato | scuoiata | scorticato vivo"  # it
    " | scorticata viva | viscere | budella di fuori | testa tagliata | teste tagliate"  # it
    " | corpo fatto a pezzi"  # it
    " | cadavre ensanglante | cadavres ensanglantes | ecorche vif | ecorchee vive | boyaux a l air"  # fr
    " | tete tranchee | tetes tranchees | decoupe en morceaux | corps decoupe"  # fr
    " | blutige leiche | blutuberstromte leiche | zerstuckelte leiche | lebendig gehautet | gehautet"  # de
    " | abgehackter kopf | abgehackte kopfe | zerfetzte leiche | leichenteile"  # de
    " | cadaver ensangrentado | cadaveres ensangrentados | desollado vivo | desollada viva"  # es
    " | cabeza decapitada | tripas de fuera | cuerpo troceado | cuerpo mutilado"  # es
    " | cadaver ensanguentado | cadaveres ensanguentados | esfolado vivo | esfolada viva"  # pt
    " | corpo desmembrado | desmembrad* | tripas expostas | cabeca decepada | corpo mutilado"  # pt
    " | corpo retalhado"  # pt
    " | окровавленный труп | окровавленное тело | окровавленные трупы | изуродованный труп"  # ru
    " | изуродованное тело | содрали кожу | содранная кожа | вываливаются кишки | вывалились кишки"  # ru
    " | отрубленные головы | разрубленное тело | разрезанное тело | куски тела | расчлененка"  # ru
    " | 尸块 | 屍塊 | 血淋淋的尸体 | 血淋淋的屍體 | 剥皮 | 剝皮 | 活剥 | 活剝 | 断头 | 斷頭 | 被砍下的头"  # zh
    " | 被砍下的頭 | 内脏流出 | 內臟流出 | 开肠破肚 | 開腸破肚 | 血肉横飞 | 血肉橫飛 | 残肢 | 殘肢"  # zh
    " | 剁碎的尸体 | 剁碎的屍體 | 无头尸 | 無頭屍"  # zh
    " | 切断された首 | 切り落とされた首 | 血まみれの死体 | 血塗れの死体 | 惨殺死体 | 皮を剥が | 皮剥ぎ"  # ja
    " | 腹を裂 | 切り刻まれた死体 | 遺体をバラバラ | 首を切断 | 四肢切断 | 腸がはみ出"  # ja
    " | 토막난 | 토막낸 | 잘린머리 | 잘려나간머리 | 피투성이시체 | 피범벅시체 | 피투성이시신"  # ko
    " | 내장이흘러 | 창자가쏟아 | 가죽을벗긴 | 사지가잘린 | 절단된시신"  # ko
    " | headless corpse | headless body | crushed skull | skull crushed | brains spilling | brain matter"  # en
    " | gouged out eyes | eyes gouged out | torn off limbs"  # en
)
SELF_HARM = (
    "unalive | unalived | unaliving | unalive himself | unalive herself | unalive myself | kms"
    " | suicide | suicidal | kill myself | killing myself | kill herself | kill himself | self harm | self-harm"
    " | selfharm | cut myself | cutting myself | hang myself | slit my wrists | end my life"
    " | suicid* | uccidermi | autolesion* | me tuer | automutil* | selbstmord* | suizid* | mich umbringen"
    " | matarme | me matar | суицид* | самоубийств* | убить себя | покончить с собой | самоповрежд*"
    " | 自杀 | 自殺 | 割腕 | 自残 | 自殘 | 轻生 | 輕生 | 跳楼 | 跳樓 | 自傷 | リストカット | リスカ | 首吊り"
    " | 자살 | 자해"
    " | killed himself | killed herself | kills himself | kills herself | killing himself | killing herself"  # en
    " | took his own life | took her own life | take my own life | end it all | ending it all"  # en
    " | slit his wrists | slit her wrists | slits her wrists | cut her wrists | cut his wrists"  # en
    " | cutting her wrists | hanged himself | hanged herself | hang himself | hang herself | hanging himself"  # en
    " | jumped to his death | jumped to her death | jump to my death | self-harming | unalive themselves"  # en
    " | si uccide | si e ucciso | si e uccisa | uccidersi | si ammazza | ammazzarsi | si e ammazzato"  # it
    " | si e ammazzata | tagliarsi le vene | si taglia le vene | si e tagliata le vene | impiccarsi"  # it
    " | si impicca | si e impiccato | si e impiccata | farla finita con la vita | buttarsi dal ponte"  # it
    " | si butta dal ponte | lanciarsi nel vuoto"  # it
    " | se tue | s est tue | s est tuee | se tuer | se pendre | s est pendu | s est pendue"  # fr
    " | se trancher les veines | s ouvrir les veines | s est ouvert les veines | en finir avec la vie"  # fr
    " | sauter dans le vide | se jeter sous un train"  # fr
    " | bringt sich um | brachte sich um | sich umbringen | nimmt sich das leben | nahm sich das leben"  # de
    " | sich das leben nehmen | erhangt sich | erhangte sich | sich erhangen | pulsadern aufschneiden"  # de
    " | schneidet sich die pulsadern | ritzt sich | sich ritzen | sprang in den tod | in den tod springen"  # de
    " | schluss machen mit allem"  # de
    " | se mata | se mato | matarse | se quito la vida | quitarse la vida | se ahorca | se ahorco | ahorcarse"  # es
    " | cortarse las venas | se corta las venas | se corto las venas | quiero acabar con todo"  # es
    " | acabar con mi vida | tirarse al vacio | se tiro al vacio"  # es
    " | se matou | se mata | matar se | se suicidou | tirou a propria vida | tirar a propria vida"  # pt
    " | se enforcou | se enforca | enforcar se | cortar os pulsos | cortou os pulsos | quero acabar com tudo"  # pt
    " | se jogou da ponte | pular da ponte"  # pt
    " | убил себя | убила себя | покончил с собой | покончила с собой | покончить жизнь самоубийством"  # ru
    " | повесился | повесилась | повеситься | вскрыл вены | вскрыла вены | вскрыть вены | порезать вены"  # ru
    " | режу себя | резать себя | прыгнул с крыши | выпилиться | наложить на себя руки | наложил на себя руки"  # ru
    " | выйти в окно"  # ru
    " | 自尽 | 自盡 | 寻死 | 尋死 | 上吊 | 割脉 | 割脈 | 结束生命 | 結束生命 | 了结自己 | 了結自己 | 跳桥"  # zh
    " | 跳橋 | 服毒自尽 | 服毒自盡 | 不想活了"  # zh
    " | 自害 | 首を吊 | 手首を切 | 飛び降り自殺 | 身投げ | 命を絶 | 死にたい | 自死"  # ja
    " | 손목을긋 | 극단적선택 | 극단적인선택 | 스스로목숨 | 죽고싶"  # ko
    " | kill yourself | killing yourself | go kys | just kys | wants to kys | should kys"  # en
    " | gonna kys | kys yourself | sewerslide | sewer slide | self delete"  # en
    " | self-delete | self deletion | unalives | cutting herself | cutting himself | cutting themselves"  # en
    " | self cutting | self harm scars | barcode arms | barcode wrists | scars on her wrists"  # en
    " | slit wrists | slitting her wrists | slitting his wrists | pro ana | pro-ana | proana | pro mia"  # en
    " | thinspo | thinspiration | neck myself"  # en
    " | tagli sulle braccia | si taglia le braccia | farsi del male da sola | voglio morire"  # it
    " | se scarifier | scarifications | se couper les veines | va te pendre | je veux mourir"  # fr
    " | envie de mourir"  # fr
    " | ritzen | geritzt | ritzwunden | ritznarben | ich will sterben | bring dich um | hang dich auf"  # de
    " | se corta los brazos | cortes en los brazos | quiero morir | quiero morirme | matate"  # es
    " | cortes nos bracos | quero morrer | me cortar | me cortando | se mutilar"  # pt
    " | порезы на руках | резать вены | режет себя | резала себя | селфхарм | хочу умереть"  # ru
    " | роскомнадзорнуться | убейся | самовыпил"  # ru
    " | 寻短见 | 尋短見 | 自我了断 | 自我了斷 | 割手臂"  # zh
    " | アムカ | 消えたい | オーバードーズ"  # ja
    " | 손목긋기 | 자살하고싶 | 극단선택 | 자살각"  # ko
    " | hanging from a noose | noose around her neck | noose around his neck | noose around my neck"  # en
    " | self inflicted wounds | self-inflicted wounds | slashed wrists | wrist cutting"  # en
    " | razor to her wrist | razor to his wrist | starve myself | starving herself | starving myself"  # en
)
SLURS = (
    "nigger | niggers | nigga | niggas | faggot | faggots | fag | fags | kikes | chink | chinks | spic"
    " | spics | wetback | wetbacks | gook | gooks | tranny | trannies | raghead | ragheads"
    " | paki | pakis | frocio | froci | ricchione | bougnoule | youpin | sale negre | sales negres | kanake | kanaken"
    " | neger | schwuchtel | maricon | maricones | sudaca | sudacas | viado | жид | жиды | жидов | хач | хачи"
    " | чурка | пидор* | 支那 | 黑鬼 | 死基佬 | 日本鬼子 | 阿三 | ニガー | チョン公 | 쪽바리 | 짱깨 | 깜둥이"
    " | 똥남아"
    " | muzzie | muzzies"  # en
)
# Nazi and white-supremacist symbols, salutes and codes: hate on their own, not politics (a swastika or a Hitler
# salute in a fan's clip). Plain mentions of Hitler, Nazis, parties and flags stay POLITICAL flags; the Buddhist 卍
# stays there too.
HATE_SYMBOLS = (
    "swastika | swastikas | swastika flag | swastika armband | hooked cross | nazi salute"  # en
    " | nazi salutes | nazi saluting | hitler salute | hitler salutes | heil hitler | sieg heil"  # en
    " | seig heil | sieg hail | white power | white pride worldwide | white supremacy"  # en
    " | white supremacist | white supremacists | ss runes | ss rune | ss bolts | ss lightning bolts"  # en
    " | sig runes | sonnenrad | black sun symbol | black sun flag | black sun tattoo | ss totenkopf"  # en
    " | totenkopf ss | kkk | ku klux klan | klansman | klansmen | kkk hood | cross burning"  # en
    " | the 14 words | the fourteen words | 1488 | 14 88 | hh 88 | heil 88 | 88 heil | nazi flag"  # en
    " | nazi flags | nazi symbol | nazi symbols | nazi armband | nazi tattoo | reichskriegsflagge"  # en
    " | wolfsangel | aryan brotherhood | aryan nations | rahowa"  # en
    " | svastica | svastiche | croce uncinata | croci uncinate | saluto nazista | saluto romano"  # it
    " | saluto fascista | bandiera nazista | simbolo nazista | simboli nazisti"  # it
    " | croix gammee | croix gammees | salut nazi | salut hitlerien | salut fasciste | drapeau nazi"  # fr
    " | symbole nazi | symboles nazis"  # fr
    " | hakenkreuz | hakenkreuze | hakenkreuzfahne | hitlergruss | deutscher gruss | kuhnengruss"  # de
    " | ss runen | sig runen | schwarze sonne | nazisymbol | nazisymbole | nazifahne | nazi fahne"  # de
    " | esvastica | esvasticas | cruz gamada | saludo nazi | saludo fascista | saludo hitleriano"  # es
    " | bandera nazi | simbolo nazi | simbolos nazis"  # es
    " | suastica | suasticas | saudacao nazista | saudacao nazi | saudacao fascista | bandeira nazista"  # pt
    " | simbolo nazista | simbolos nazistas"  # pt
    " | свастик* | зиг хайль | зигует | зиговал* | зигануть | зигуют | нацистское приветствие"  # ru
    " | нацистский салют | нацистский флаг | хайль гитлер | руны сс | ку клукс клан"  # ru
    " | 卐 | 纳粹礼 | 納粹禮 | 纳粹敬礼 | 納粹敬禮 | 纳粹手势 | 納粹手勢 | 纳粹旗 | 納粹旗 | 纳粹标志"  # zh
    " | 納粹標誌 | 希特勒万岁 | 希特勒萬歲 | 三k党 | 3k党 | 三k黨 | 白人至上"  # zh
    " | ハーケンクロイツ | 鉤十字 | かぎ十字 | ナチス式敬礼 | ナチス敬礼 | ナチス式の敬礼 | ナチス旗"  # ja
    " | ハイルヒトラー | ジークハイル | 白人至上主義"  # ja
    " | 하켄크로이츠 | 나치경례 | 나치식경례 | 나치문양 | 나치깃발 | 하일히틀러 | 갈고리십자가"  # ko
    " | 백인우월주의"  # ko
    " | roman salute | fascist salute | sieg heiling | ss uniform | ss uniforms | monkey chants"  # en
    " | monkey noises"  # en
    " | 쿠클럭스클랜 | 큐클럭스클랜"  # ko
    " | クー・クラックス・クラン | クークラックスクラン"  # ja
)
# A call for violence against a group, a dehumanising comparison ("are rats", "vermin") or a call to expel one
# ("go back to your country", "deport them") is a call term AND a group term within one window of the prompt:
# "the rats in the barn" and "parasite drag" alone stay allowed.
VIOLENCE_CALLS = (
    "kill all | death to | exterminate | extermination | gas the | must die | should die | wipe them out"
    " | morte agli | morte ai | morte alle | sterminare | uccidete | mort aux | tuez les | exterminer"
    " | tod den"
    " | totet alle | vernichtet | muerte a | matad a | exterminar | morte aos | matem os | смерть"
    " | убить всех"
    " | уничтожить всех | 杀光 | 殺光 | 去死 | 灭绝 | 滅絕 | 殺せ | 死ね | 皆殺し | 죽여라 | 죽어라 | 몰살"
    " | death to all | kill them all | should be burned | should be gassed | should be shot"  # en
    " | must be exterminated | gas them | burn them all | shoot them all | hang them all | gas chambers"  # en
    " | are vermin | vermin | are rats | are apes | are monkeys | are animals | are parasites | parasites"  # en
    " | are cockroaches | cockroaches | subhuman | subhumans | untermenschen"  # en
    " | morte a tutti | uccideteli tutti | ammazzateli tutti | sterminateli | sterminio | vanno bruciati"  # it
    " | vanno gasati | vanno fucilati | camere a gas | sono parassiti | parassiti | sono ratti | sono topi"  # it
    " | sono scimmie | sono animali | sono scarafaggi | subumani | feccia"  # it
    " | mort a tous | tuez les tous | a exterminer | extermination | il faut les bruler | il faut les gazer"  # fr
    " | il faut les fusiller | chambres a gaz | sont des rats | sont des animaux | sont des parasites"  # fr
    " | sont des cafards | sont des singes | sous hommes | vermine | cafards"  # fr
    " | tod allen | totet sie alle | bringt sie alle um | ausrotten | ausrottung | vergasen | vergast"  # de
    " | gehoren vergast | gehoren erschossen | gehoren verbrannt | in die gaskammer | sind ratten"  # de
    " | sind tiere | sind parasiten | sind ungeziefer | sind kakerlaken | sind affen | ungeziefer"  # de
    " | untermensch* | schmarotzer | abschaum"  # de
    " | muerte a todos | matenlos a todos | matarlos a todos | hay que quemarlos | hay que gasearlos"  # es
    " | hay que fusilarlos | exterminio | camaras de gas | son ratas | son animales | son parasitos"  # es
    " | son cucarachas | son monos | subhumanos | alimanas | escoria"  # es
    " | morte a todos | matem todos | matar todos eles | exterminio | tem que queimar | tem que fuzilar"  # pt
    " | camaras de gas | sao ratos | sao animais | sao parasitas | sao baratas | sao macacos | sub humanos"  # pt
    " | subumanos | vermes | escoria"  # pt
    " | смерть всем | убить их всех | убейте их всех | истребить | уничтожить их | сжечь их | расстрелять их"  # ru
    " | в газовые камеры | это крысы | это животные | это паразиты | это тараканы | это обезьяны"  # ru
    " | недочеловеки | недолюди | унтерменш* | паразиты | скоты"  # ru
    " | 赶尽杀绝 | 趕盡殺絕 | 杀光他们 | 殺光他們 | 烧死他们 | 燒死他們 | 枪毙他们 | 槍斃他們 | 毒气室"  # zh
    " | 毒氣室 | 是老鼠 | 是畜生 | 是寄生虫 | 是寄生蟲 | 是蟑螂"  # zh
    " | 是猴子 | 低等人 | 畜生"  # zh
    " | 根絶やし | 駆除しろ | 焼き殺せ | 撃ち殺せ | ガス室 | ゴキブリども | ゴキブリ | ウジ虫 | 寄生虫"  # ja
    " | 猿ども | 害虫 | 人間以下 | 劣等民族"  # ja
    " | 다죽여 | 모두죽여 | 박멸 | 불태워 | 가스실 | 쏴죽여 | 벌레같은 | 바퀴벌레 | 기생충 | 쥐새끼 | 원숭이"  # ko
    " | 짐승 | 열등민족 | 인간이하"  # ko
    " | are a plague | are a disease | are a cancer | are a virus | are an infestation | infestation of"  # en
    " | are filth | are savages | are not human | aren t human | are vermin | like rats"  # en
    " | like cockroaches | like vermin | like parasites | go back to your country"  # en
    " | go back to where you came from | go back where you came from | go back to africa"  # en
    " | send them back where they came from | send them back home"  # en
    " | send them all back home | deport them | deport them all | deport all"  # en
    " | should be deported | must be deported | need to be deported"  # en
    " | kick them out of the country | kick them all out of the country"  # en
    " | throw them out of the country | get out of our country | out of our country | don t belong here"  # en
    " | do not belong here | don t belong in | do not belong in | dont belong | ruin our country"  # en
    " | ruining our country | ruined our country | destroying our country | invading our country"  # en
    " | are invaders | will not replace us | great replacement | remigration"  # en
    " | into the ovens | to the ovens"  # en
    " | sono bestie | sono una piaga | sono un cancro | sono una malattia | sono vermi | vermi"  # it
    " | tornatevene a casa | tornate a casa vostra | tornatevene al vostro paese"  # it
    " | tornate al vostro paese | rimandiamoli a casa | rimpatriateli | espelleteli | fuori dall italia"  # it
    " | non appartengono | rovinano il nostro paese | stanno rovinando l italia | sono invasori"  # it
    " | invasori"  # it
    " | sont des betes | sont de la vermine | sont une maladie | sont un cancer | sont une peste"  # fr
    " | rentrez chez vous | retournez dans votre pays | renvoyez les | renvoyez les chez eux"  # fr
    " | expulsez les | dehors les | n ont rien a faire ici | ruinent notre pays | detruisent la france"  # fr
    " | envahisseurs | remigration"  # fr
    " | sind eine seuche | sind eine plage | sind krebs | sind ein krebsgeschwur | gesindel | abschieben"  # de
    " | schiebt sie ab | alle abschieben | raus mit | raus aus deutschland | geht zuruck"  # de
    " | geh zuruck in dein land | gehoren nicht hierher | gehoren nicht zu deutschland"  # de
    " | zerstoren unser land | ruinieren unser land | invasoren | remigration | umvolkung"  # de
    " | auslander raus | juden raus | turken raus"  # de
    " | son bestias | son una plaga | son un cancer | son una enfermedad | son basura | sabandijas"  # es
    " | que se vayan a su pais | vuelvan a su pais | volved a vuestro pais | fuera de espana"  # es
    " | fuera de nuestro pais | deportenlos | deportarlos | deportar a todos | expulsarlos"  # es
    " | hay que expulsarlos | no pertenecen aqui | arruinan nuestro pais | estan arruinando el pais"  # es
    " | invasores"  # es
    " | sao bestas | sao uma praga | sao um cancer | sao uma doenca | sao lixo | voltem para o seu pais"  # pt
    " | voltem pra sua terra | deportem eles | deportar todos | expulsem eles | fora do brasil"  # pt
    " | nao pertencem aqui | estao destruindo nosso pais | invasores"  # pt
    " | это скоты | это чума | это рак | это мусор | это нелюди | нелюди | понаехали | понаехавшие"  # ru
    " | чемодан вокзал | убирайтесь домой | убирайтесь из россии | валите домой | валите к себе"  # ru
    " | депортировать их | депортировать всех | выгнать их | выслать всех | им здесь не место"  # ru
    " | не место в россии | разрушают нашу страну"  # ru
    " | 滚回去 | 滾回去 | 滚回你的国家 | 滾回你的國家 | 滚出中国 | 滾出中國 | 驱逐他们 | 驅逐他們"  # zh
    " | 都是垃圾 | 是瘟疫 | 是癌症 | 是害虫 | 是害蟲 | 是败类 | 是敗類 | 不配当人 | 不配當人 | 劣等民族"  # zh
    " | 蛆虫 | 蛆蟲 | 害虫 | 害蟲"  # zh
    " | 出て行け | 国へ帰れ | 国に帰れ | 日本から出て行け | 叩き出せ | 追い出せ | 強制送還しろ"  # ja
    " | ダニども | 蛆虫 | 日本の癌 | 疫病神"  # ja
    " | 꺼져 | 너희나라로 | 니네나라로돌아가 | 추방해 | 추방하라 | 쫓아내 | 버러지 | 해충 | 암적인존재"  # ko
    " | 쓰레기들"  # ko
    " | is a cancer | is a disease | is a plague | is a virus | like monkeys | like apes"  # en
)
GROUPS = (
    "jews | jewish people | muslims | christians | blacks | black people | whites | asians | chinese"
    " | japanese"
    " | koreans | mexicans | immigrants | migrants | refugees | gays | lesbians | trans people | women"
    " | arabs"
    " | africans | gypsies | ebrei | musulmani | immigrati | stranieri | neri | juifs | musulmans"
    " | immigres | noirs | arabes | juden | muslime | auslander | fluchtlinge | schwarze | judios"
    " | musulmanes"
    " | inmigrantes | judeus | muculmanos | imigrantes | евре* | мусульман* | мигрант* | черных | 犹太人"
    " | 猶太人"
    " | 穆斯林 | 黑人 | 日本人 | 中国人 | 中國人 | 韩国人 | 韓國人 | 同性恋 | 同性戀 | 移民 | 难民 | 難民"
    " | ユダヤ人"
    " | イスラム教徒 | 黒人 | 朝鮮人 | 韓国人 | 在日 | 同性愛者 | 유대인 | 무슬림 | 흑인 | 일본인 | 중국인"
    " | 동성애자"
    " | 이민자 | 난민"
    " | jew | jewish | muslim | kurds | kurdish people | blacks | immigrant | foreigners | gay people"  # en
    " | homosexuals | lgbt | queers | hindus | sikhs | catholics | romani people | roma people"  # en
    " | ebre* | musulman* | islamic* | immigrat* | migrant* | stranier* | profugh* | rifugiat* | zingar*"  # it
    " | omosessual* | lesbich* | arabi | asiatic* | cinesi | curdi | africani | extracomunitari"  # it
    " | juif* | musulman* | immigr* | migrant* | etranger* | refugie* | tsigane* | gitan* | roms"  # fr
    " | homosexuel* | gays | lesbiennes | asiatiques | chinois | kurdes | africains | maghrebins"  # fr
    " | jude | judisch* | muslim* | moslem* | auslander* | migrant* | einwanderer | zuwanderer | fluchtling*"  # de
    " | gefluchtete | asylant* | zigeuner* | sinti | homosexuelle | schwule | lesben | araber | asiaten"  # de
    " | turken | kurden | afrikaner | christen"  # de
    " | judio* | judia* | musulman* | inmigrant* | migrant* | extranjer* | refugiad* | gitan* | homosexual*"  # es
    " | gays | lesbianas | asiaticos | chinos | kurdos | africanos | moros"  # es
    " | judeu* | judia* | muculman* | imigrant* | migrant* | estrangeir* | refugiad* | cigan* | homossexua*"  # pt
    " | gays | lesbicas | asiaticos | chineses | curdos | africanos | nordestinos"  # pt
    " | иммигрант* | приезжи* | беженц* | иностранц* | цыган* | ромы | гомосексуал* | геи | геев | лесбиянк*"  # ru
    " | арабы | азиат* | кавказц* | чеченц* | таджик* | узбек* | китайц* | украинц* | христиан*"  # ru
    " | 回民 | 回族 | 犹太 | 猶太 | 基督徒 | 外国人 | 外國人 | 老外 | 非洲人 | 吉普赛人 | 吉普賽人 | 库尔德人"  # zh
    " | 庫爾德人 | 维吾尔 | 維吾爾 | 变性人 | 變性人"  # zh
    " | 亚洲人 | 亞洲人 | 阿拉伯人"  # zh
    " | 外国人 | ユダヤ | ムスリム | キリスト教徒 | 移民 | 難民 | 中国人 | レズビアン | クルド人 | アジア人"  # ja
    " | アラブ人 | 部落民"  # ja
    " | 이슬람교도 | 기독교인 | 외국인 | 게이들 | 레즈비언 | 트랜스젠더 | 조선족 | 쿠르드족 | 집시 | 아랍인"  # ko
    " | 동남아인"  # ko
    " | transgender people | transgenders | disabled people | the disabled | autistic people | indians"  # en
    " | pakistanis | turks | russians | ukrainians | romanians | albanians | somalis | syrians | afghans"  # en
    " | nigerians | haitians | palestinians | israelis | asylum seekers | islamists | latinos"  # en
    " | hispanics"  # en
    " | islam | the blacks"  # en
)

# ---- blocked only in combination
# ------------------------------------------------------------------------------
SUGGESTIVE = (
    "sexy | seductive | seductively | seducing | sensual | sensually | provocative | provocatively | sultry"
    " | posing suggestively | suggestively | flirty | flirtatious | lingerie | busty | in underwear"
    " | in a thong | thong bikini"  # not bare "thong": Vietnamese thông ("thông minh", clever)
    " | in her underwear"
    # Italian "nuda" is Czech and Slovak "boredom": here it only flags, and blocks next to a minor.
    " | nuda | sensuale | provocante | sensuel | sensuelle | aguichant* | verfuhrerisch* | reizwasche | lenceria"
    " | сексуальн* | соблазнит* | 性感 | 诱惑 | 誘惑 | 撩人 | セクシー | 色っぽい | 섹시 | 야릇"
    " | sexily | posing sexily | poses sexily | sexy pose | sexy poses | erotic pose | erotic poses"  # en
    " | provocative pose | suggestive pose | come hither | bedroom eyes | sultry pose"  # en
    " | seducente | seducenti | sensualmente | provocanti | provocatoriamente | posa sexy | posa erotica"  # it
    " | ammiccante | ammiccanti"  # it
    " | seduisant* | seductrice | provocant* | aguicheuse | lascive | lascivement | pose sexy | pose erotique"  # fr
    " | sensuellement"  # fr
    " | aufreizend* | lasziv* | sinnlich* | provokant* | posiert sexy | erotische pose | verrucht*"  # de
    " | seductor* | sensual | sensualmente | provocativ* | provocador* | insinuante | posando sexy"  # es
    " | pose erotica | pose sexy"  # es
    " | sedutor* | sensualmente | insinuante | pose erotica"  # pt
    " | сексуально | соблазнительно | провокационн* | эротичная поза | вызывающ* | сексапильн* | секси"  # ru
    " | позирует сексуально"  # ru
    " | 挑逗 | 妩媚 | 嫵媚 | 风骚 | 風騷 | 搔首弄姿 | 性感姿势 | 性感姿勢 | 魅惑"  # zh
    " | 色気 | 挑発的 | 官能的 | エロい | セクシーポーズ | 悩殺"  # ja
    " | 관능적 | 도발적 | 유혹적 | 유혹하는 | 요염 | 선정적"  # ko
    " | jailbait | lolicon | shotacon"  # en
    " | 萝莉控 | 蘿莉控"  # zh
    " | ロリコン | ショタコン"  # ja
)
MINORS = (
    "child | children | kid | kids | toddler | toddlers | baby | minor | minors | underage | teen | teens"
    " | teenage | teenager | preteen | schoolgirl | schoolboy | little girl | little boy | young girl"
    " | young boy"
    " | loli | lolita | shota | bambino | bambina | bambini | bambine | ragazzina | ragazzino | minorenne*"
    " | enfant | enfants | fillette | mineur | mineure | kinder | kindes | minderjahrig* | madchen | ninos"
    " | ninas"
    " | menor de edad | crianca | criancas | menina | menino | ребен* | ребeн* | дети | детей"
    " | девочк* | мальчик* | несовершеннолет* | школьниц* | 儿童 | 兒童 | 孩子 | 小孩 | 女童 | 男童 | 幼女"
    " | 萝莉"
    " | 蘿莉 | 未成年 | 小学生 | 小學生 | 中学生 | 子供 | 子ども | 児童 | ロリ | 어린이 | 아동 | 미성년"
    " | 초등학생"
    " | 여자아이 | 남자아이 | 로리"
    " | little kid | little kids | young child | schoolgirls | schoolboys | tween | tweens | pre-teen"  # en
    " | preteens | underage girl | underage boy | middle schooler | middle schoolers | grade schooler"  # en
    " | infant | infants | juvenile"  # en
    " | bimba | bimbe | bambinetta | ragazzine | ragazzini | scolaretta | scolarette | adolescent*"  # it
    " | petite fille | petit garcon | petites filles | gamine | gamin | gamins | ecoliere* | collegienne*"  # fr
    " | ados | fillettes"  # fr
    " | kleines madchen | kleiner junge | schulmadchen | schulerin | jugendlich* | teenager | kleinkind*"  # de
    " | una nina | un nino | la nina | el nino | chiquilla | chiquillo | colegiala | colegialas"  # es
    " | adolescente* | menores de edad | ninita | ninito"  # es
    " | meninas | meninos | garotinha | garotinho | menininha | menininho | colegial | adolescente*"  # pt
    " | menor de idade | menores de idade"  # pt
    " | малолетк* | маленькая девочка | школьник* | подрост* | малыш* | девчушк* | младенец | детск*"  # ru
    " | 小女孩 | 小男孩 | 初中生 | 少女 | 幼童 | 学童 | 學童 | 小朋友 | 女学生 | 女學生"  # zh
    " | 少女 | 女の子 | 男の子 | 女子小学生 | 女子中学生 | 幼児 | 園児"  # ja
    " | 소녀 | 소년 | 여중생 | 여고생 | 중학생 | 꼬마 | 어린소녀 | 아이들"  # ko
    " | jailbait | lolicon | shotacon | underaged | under age | under 18 | u12 | u14 | u16 | u18"  # en
    " | middle school | middle school girl | elementary school | elementary schooler"  # en
    " | elementary schoolers | grade school | grade schoolers | primary school | primary schooler"  # en
    " | primary schoolers | primary school girl | junior high | junior high girl | high schooler"  # en
    " | high schoolers | high school girl | high school girls | schoolkid | schoolkids | school kid"  # en
    " | school kids | schoolchild | schoolchildren | kindergartner | kindergartener | preschooler"  # en
    " | preschoolers | young teen | young teens | first grade | second grade | third grade"  # en
    " | fourth grade | fifth grade | sixth grade | seventh grade | eighth grade | 1st grade | 2nd grade"  # en
    " | 3rd grade | 4th grade | 5th grade | 6th grade | 7th grade | 8th grade | first grader"  # en
    " | second grader | third grader | fourth grader | fifth grader | sixth grader | seventh grader"  # en
    " | eighth grader | 1st grader | 2nd grader | 3rd grader | 4th grader | 5th grader | 6th grader"  # en
    " | 7th grader | 8th grader | first graders | second graders | third graders | fourth graders"  # en
    " | fifth graders | sixth graders | seventh graders | eighth graders | 1st graders | 2nd graders"  # en
    " | 3rd graders | 4th graders | 5th graders | 6th graders | 7th graders | 8th graders | grade 1"  # en
    " | grade 2 | grade 3 | grade 4 | grade 5 | grade 6 | grade 7 | grade 8 | one year old"  # en
    " | one years old | one year olds | one yo | aged one | two year old | two years old | two year olds"  # en
    " | two yo | aged two | three year old | three years old | three year olds | three yo | aged three"  # en
    " | four year old | four years old | four year olds | four yo | aged four | five year old"  # en
    " | five years old | five year olds | five yo | aged five | six year old | six years old"  # en
    " | six year olds | six yo | aged six | seven year old | seven years old | seven year olds"  # en
    " | seven yo | aged seven | eight year old | eight years old | eight year olds | eight yo"  # en
    " | aged eight | nine year old | nine years old | nine year olds | nine yo | aged nine"  # en
    " | ten year old | ten years old | ten year olds | ten yo | aged ten | eleven year old"  # en
    " | eleven years old | eleven year olds | eleven yo | aged eleven | twelve year old"  # en
    " | twelve years old | twelve year olds | twelve yo | aged twelve | thirteen year old"  # en
    " | thirteen years old | thirteen year olds | thirteen yo | aged thirteen | fourteen year old"  # en
    " | fourteen years old | fourteen year olds | fourteen yo | aged fourteen | fifteen year old"  # en
    " | fifteen years old | fifteen year olds | fifteen yo | aged fifteen | sixteen year old"  # en
    " | sixteen years old | sixteen year olds | sixteen yo | aged sixteen | seventeen year old"  # en
    " | seventeen years old | seventeen year olds | seventeen yo | aged seventeen"  # en
    " | delle elementari | alle elementari | delle medie | alle medie | scuola elementare | scuola media"  # it
    " | alunna | alunne | scolara | scolare | prima media | seconda media | terza media"  # it
    " | quinta elementare | quarta elementare | terza elementare | preadolescent* | undicenne"  # it
    " | undicenni | dodicenne | dodicenni | tredicenne | tredicenni | quattordicenne | quattordicenni"  # it
    " | quindicenne | quindicenni | sedicenne | sedicenni | diciassettenne | diciassettenni | decenne"  # it
    " | novenne | ottenne | cinque anni | sette anni | otto anni | nove anni | dieci anni | undici anni"  # it
    " | dodici anni | tredici anni | quattordici anni | quindici anni | sedici anni | diciassette anni"  # it
    " | collegien | collegiens | ecolier | ecoliers | lyceenne | lyceennes | en primaire | de primaire"  # fr
    " | ecole primaire | au college | en sixieme | en cm1 | en cm2 | en ce1 | en ce2 | preado | preados"  # fr
    " | preadolescent* | six ans | sept ans | huit ans | neuf ans | dix ans | onze ans | douze ans"  # fr
    " | treize ans | quatorze ans | quinze ans | seize ans | dix sept ans"  # fr
    " | grundschulerin | grundschulerinnen | grundschuler | grundschulkind* | grundschule | schulkind*"  # de
    " | schuljunge | schuler | gymnasiastin | teenie | teenies | erstklassler* | zweitklassler*"  # de
    " | drittklassler* | viertklassler* | funftklassler* | sechstklassler* | siebtklassler*"  # de
    " | achtklassler* | in der dritten klasse | in der funften klasse | in der sechsten klasse"  # de
    " | in der siebten klasse | sechsjahrig* | siebenjahrig* | achtjahrig* | neunjahrig* | zehnjahrig*"  # de
    " | elfjahrig* | zwolfjahrig* | dreizehnjahrig* | vierzehnjahrig* | funfzehnjahrig*"  # de
    " | sechzehnjahrig* | siebzehnjahrig* | sechs jahre alt | sieben jahre alt | acht jahre alt"  # de
    " | neun jahre alt | zehn jahre alt | elf jahre alt | zwolf jahre alt | dreizehn jahre alt"  # de
    " | vierzehn jahre alt | funfzehn jahre alt | sechzehn jahre alt | siebzehn jahre alt"  # de
    " | sechs jahrig* | sieben jahrig* | acht jahrig* | neun jahrig* | zehn jahrig* | elf jahrig*"  # de
    " | zwolf jahrig* | dreizehn jahrig* | vierzehn jahrig* | funfzehn jahrig* | sechzehn jahrig*"  # de
    " | siebzehn jahrig*"  # de
    " | de primaria | de secundaria | escuela primaria | escolar | escolares | alumna | alumnas"  # es
    " | estudiante de secundaria | preadolescente* | quinceanera | seis anos | siete anos | ocho anos"  # es
    " | nueve anos | diez anos | once anos | doce anos | trece anos | catorce anos | quince anos"  # es
    " | dieciseis anos | diecisiete anos"  # es
    " | do fundamental | ensino fundamental | aluna | alunas | escolar | pre adolescente"  # pt
    " | pre adolescentes | novinha | novinhas | quinta serie | sexta serie | sexto ano | setimo ano"  # pt
    " | oitavo ano | seis anos | sete anos | oito anos | nove anos | dez anos | onze anos | doze anos"  # pt
    " | treze anos | catorze anos | quatorze anos | quinze anos | dezesseis anos | dezessete anos"  # pt
    " | лоли | школота | ученица | ученицы | ученицу | в начальной школе | начальных классов | малолетн*"  # ru
    " | первоклассниц* | первоклассник* | второклассниц* | второклассник* | третьеклассниц*"  # ru
    " | третьеклассник* | четвероклассниц* | четвероклассник* | пятиклассниц* | пятиклассник*"  # ru
    " | шестиклассниц* | шестиклассник* | семиклассниц* | семиклассник* | восьмиклассниц*"  # ru
    " | восьмиклассник* | девятиклассниц* | девятиклассник* | старшеклассниц* | старшеклассник*"  # ru
    " | младшеклассниц* | младшеклассник* | семилетн* | восьмилетн* | девятилетн* | десятилетн*"  # ru
    " | одиннадцатилетн* | двенадцатилетн* | тринадцатилетн* | четырнадцатилетн* | пятнадцатилетн*"  # ru
    " | шестнадцатилетн* | семнадцатилетн* | десять лет | одиннадцать лет | двенадцать лет"  # ru
    " | тринадцать лет | четырнадцать лет | пятнадцать лет | шестнадцать лет | семнадцать лет"  # ru
    " | 小学女生 | 小學女生 | 初中女生 | 初中女孩 | 高中女生 | 中学生 | 中學生 | 国中生 | 國中生 | 国小"  # zh
    " | 國小 | 幼儿园 | 幼兒園 | 正太 | 年级女生 | 年級女生 | 学生妹 | 學生妹 | 女初中生 | 萝莉控"  # zh
    " | 蘿莉控"  # zh
    " | 女子高生 | 女子高校生 | 女子中高生 | 高校生 | 小学校 | 中学校 | ランドセル | ショタ | ロリコン"  # ja
    " | ショタコン | 幼稚園児 | jc | js | jk"  # ja
    " | 초등학교 | 중학교 | 고등학생 | 초딩 | 중딩 | 고딩 | 초등생 | 여초딩 | 쇼타 | 열두살 | 열세살"  # ko
    " | 열네살 | 열다섯살 | 열여섯살 | 열일곱살 | 열한살 | 열살 | 아홉살 | 여덟살 | 일곱살"  # ko
    " | 小5 | 小6 | 中1 | 中2 | 中3 | 小学5年 | 小学6年 | 小学五年 | 小学六年 | 中学1年 | 中学2年"  # ja
    " | 中学3年"  # ja
    " | 초등 | 초5 | 초6 | 중1 | 중2 | 중3"  # ko
    " | 初一女生 | 初二女生 | 初三女生 | 小学五年级 | 小学六年级 | 六年级女生 | 五年级女生"  # zh
    " | little girls | little boys | young girls | young boys | teen girl | teen girls | teenage girl"  # en
    " | teenage girls | age five | age six | age seven | age eight | age nine | age ten | age eleven"  # en
    " | age twelve | age thirteen | age fourteen | age fifteen | age sixteen | age seventeen"  # en
)

# Who counts as a real, identifiable person besides the athletes below and any "@name" avatar reference.
CELEBRITY = (
    "celebrity | celebrities | actress | actor | singer | famous | president | idol | influencer | 明星"
    " | 女明星"
    " | 偶像 | 网红 | 網紅 | アイドル | 女優 | 아이돌 | 연예인 | 배우"
)

# ---- flagged for a moderator
# ------------------------------------------------------------------------------------
VIOLENCE = (
    "crash | crashes | crashed | brutal | blood | bloody | bleeding | injury | injured | fist fight"
    " | fistfight | punch"
    " | punching | brawl | corpse | dead body | sangue | incidente | rissa | schianto | du sang | en sang"
    " | bagarre | blut"
    " | unfall | schlagerei | sangre | pelea | choque | accidente | briga | acidente | кровь | крови | драка"
    " | авария | 流血 | 鲜血 | 鮮血 | 血腥 | 打架 | 斗殴 | 鬥毆 | 车祸 | 車禍 | 出血 | 血まみれ | 喧嘩"
    " | ケンカ | 事故"
    " | クラッシュ | 피투성이 | 유혈 | 싸움 | 충돌 | 사고"
)
WEAPONS = (
    "gun | guns | rifle | rifles | pistol | pistols | firearm* | shotgun | sword | swords | knife | knives"
    " | bomb"
    " | bombs | grenade* | machine gun | fucile | pistola | coltello | spada | bomba | fusil | pistolet"
    " | couteau | epee | gewehr* | pistole | messer | schwert | cuchillo | espada | arma | armas | faca"
    " | винтовк* | пистолет* | нож | меч | бомб* | 枪 | 槍 | 手枪 | 手槍 | 刀子 | 匕首 | 炸弹 | 炸彈 | 銃"
    " | 拳銃"
    " | ナイフ | 爆弾 | 총을 | 총기 | 권총 | 칼을 | 폭탄"
)
ALCOHOL = (
    "beer | beers | wine | vodka | whisky | whiskey | champagne | drunk | alcohol | cocktail* | birra | vino"
    " | ubriaco | ubriaca | biere | vin | ivre | bier | wein | betrunken | cerveza | borracho | borracha"
    " | cerveja | vinho | bebado | bebada | пиво | водка | пьян* | 喝酒 | 啤酒 | 葡萄酒 | 白酒 | 喝醉 | 醉酒"
    " | ビール | 酒を | 酔っ | 맥주 | 소주 | 술을 | 술마시"
)
POLITICAL = (
    "nazi | nazis | hitler | isis | hammer and sickle | confederate flag | trump | putin"
    " | xi jinping | zelensky | election | protest | propaganda | free tibet | 卍 | 纳粹 | 納粹"
    " | 希特勒 | 习近平 | 習近平 | 台独 | 台獨 | 藏独 | ナチス | ヒトラー | 나치 | 히틀러"
    " | нацист*"
    " | гитлер* | путин*"
)
REVEALING = (
    "swimsuit | swimsuits | bikini | bikinis | shirtless | bathing suit | speedo | underwear"
    " | costume da bagno"
    " | maillot de bain | badeanzug | traje de bano | banador | купальник* | 泳装 | 泳裝 | 泳衣 | 比基尼"
    " | 赤膊 | 光膀子 | 水着 | ビキニ | 上半身裸 | 수영복 | 비키니"
    " | in a bra | in her bra | in underwear | in his underwear | underpants | panties | bikini top"  # en
    " | swim trunks | swimwear | bare chested | bare-chested | shirt off | with no shirt | without a shirt"  # en
    " | g-string | see-through top | sheer top"  # en
    " | in bikini | in mutande | mutandine | reggiseno | in reggiseno | perizoma | a torso nudo"  # it
    " | senza maglietta"  # it
    " | en maillot | en sous vetements | sous vetements | culotte | en culotte | soutien gorge | torse nu"  # fr
    " | en slip"  # fr
    " | im badeanzug | badehose | in unterwasche | unterwasche | unterhose | bustenhalter"  # de
    " | en bikini | en ropa interior | ropa interior | bragas | sujetador | tanga | sin camiseta"  # es
    " | a pecho descubierto | en calzoncillos | calzoncillos"  # es
    " | de biquini | biquini | sunga | roupa intima | de calcinha | calcinha | sutia | sem camisa"  # pt
    " | в купальнике | в бикини | бикини | в нижнем белье | нижнее белье | трусики | в трусах | лифчик*"  # ru
    " | бюстгальтер* | без футболки | с голым торсом | стринги"  # ru
    " | 内裤 | 內褲 | 胸罩 | 文胸 | 丁字裤 | 丁字褲 | 光着膀子 | 光著膀子 | 三点式 | 三點式"  # zh
    " | 下着姿 | ブラジャー | スク水"  # ja
    " | 속옷만 | 속옷차림 | 팬티 | 브래지어 | 상의를벗은 | 웃통을벗은 | 란제리"  # ko
)
# Naked, nude, undressed: in these ten languages SEXUAL holds them (blocked either way); the per-language files
# list them under ``nudity``.
NAKED = ""
# Real athletes: a generated clip of a real person needs their consent; a moderator decides.
REAL_PEOPLE = (
    "shiffrin | mikaela shiffrin | goggia | sofia goggia | brignone | federica brignone | lindsey vonn"
    " | hirscher"
    " | odermatt | yuzuru hanyu | hanyu | eileen gu | ailing gu | shaun white | chloe kim | nathan chen"
    " | valieva"
    " | johaug | klaebo | arianna fontana | ledecka | su yiming | wu dajing | kim yuna | yuna kim | ovechkin"
    " | crosby | mcdavid | ayumu hirano | ryoyu kobayashi | miho takagi | wierer | moioli | fourcade"
    " | mao asada"
    " | 谷爱凌 | 谷愛凌 | 羽生结弦 | 羽生結弦 | 苏翊鸣 | 蘇翊鳴 | 武大靖 | 平野歩夢 | 小林陵侑 | 高木美帆"
    " | 浅田真央"
    " | 김연아 | 최민정 | овечкин*"
)

# Harmless phrases containing a listed word; removed before matching.
ALLOWED_PHRASES = (
    "nude illusion mesh | nude illusion | illusion mesh | nude mesh | nude colored | nude coloured"
    " | nude tights | nude fabric"
    " | a tutta birra | tutta birra | a bomb of a jump | bomb of a jump | the bomb | bomb drop | bombed down"
    " | crash through the finish | crash through the finish line | crashes through the finish line"
    " | crashing through the finish line | crashed through the finish line | killer run | killer jump"
    " | shoot the puck | shoots the puck | shot on goal | slap shot | slapshot | wrist shot | shootout"
    " | crash course | crash courses | crash pad | crash pads | crash mat | crash mats | gore tex | goretex"
    " | snow gun | snow guns | starting gun | killer move | killer moves | blood orange | wine red"
    " | vin brule"
    " | vin chaud | shot glass | 冰刀"
    " | se mata entrenando | se mata a entrenar | se mata trabajando"  # es
    " | si ammazza di fatica | si ammazza di allenamento"  # it
    " | parasite drag | parasitic drag | parasite drags | 1488 m | 1488 meters | 1488 metres"  # en
)

# The categories of the per-language files (README.md), and the lists above each one extends.
CATEGORIES = {
    "sexual": "SEXUAL",
    "gore": "GORE",
    "self_harm": "SELF_HARM",
    "slurs": "SLURS",
    "hate_symbols": "HATE_SYMBOLS",
    "violence_calls": "VIOLENCE_CALLS",
    "groups": "GROUPS",
    "suggestive": "SUGGESTIVE",
    "minors": "MINORS",
    "celebrity": "CELEBRITY",
    "violence": "VIOLENCE",
    "weapons": "WEAPONS",
    "alcohol": "ALCOHOL",
    "political": "POLITICAL",
    "nudity": "NAKED",
    "revealing": "REVEALING",
    "real_people": "REAL_PEOPLE",
    "allowed_phrases": "ALLOWED_PHRASES",
}
_NOT_TERMS = {"code", "name"}


class SafetyFileError(ValueError):
    """A safety term file that does not follow README.md."""


@functools.cache
def language_files() -> dict[str, dict[str, list[str]]]:
    """Every ``<code>.toml`` beside this module, validated, by language code."""
    from ..lexicon_files import read_language_files

    files = {}
    for code, data in read_language_files(Path(__file__).resolve().parent).items():
        unknown = set(data) - set(CATEGORIES) - _NOT_TERMS
        if unknown:
            raise SafetyFileError(f"{code}.toml: unknown categories {sorted(unknown)}")
        for category, terms in data.items():
            if category not in _NOT_TERMS and (
                not isinstance(terms, list) or not all(isinstance(t, str) for t in terms)
            ):
                raise SafetyFileError(f"{code}.toml: {category} must be a list of strings")
        files[code] = {k: [t.strip() for t in v if t.strip()] for k, v in data.items() if k not in _NOT_TERMS}
    return files


def terms(category: str) -> list[str]:
    """Every term of one category: the lists above and every language's file."""
    legacy = [t.strip() for t in globals()[CATEGORIES[category]].split("|") if t.strip()]
    return legacy + [t for data in language_files().values() for t in data.get(category, [])]
