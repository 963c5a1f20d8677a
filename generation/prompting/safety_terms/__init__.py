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
    " | having sex | oral sex | stark naked | completely naked | fully nude | butt naked"  # en
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
    " | fuck | fucks | fuckin | fucking | fucker | fucked | getting railed | gets railed | smut"  # en
    " | smutty | seggs | segs | secks | having seggs | banging her | banging him | bangs her | shagging"  # en
    " | shag her | screwing her | screwing him | 18+ version | sex scenes | sex tape | sextape | blowjobs"  # en
    " | cumshot | creampie | gangbang | threesome | doggystyle | doggy style | missionary position | make love"  # en
    " | making love | makes love | made love | hooking up in bed | sleeping together naked | barely legal"  # en
    " | porn star | pornstar | onlyfans | nsfw version | xxx"  # en
    " | follar | follando | follan | follaba | follarse | follada | cogerse | se la coge | tener relaciones"  # es
    " | haciendo el amor | hacen el amor | hacer el amor | escena de sexo | escenas de sexo"  # es
    " | version para adultos | sin censura xxx | chingando | culeando | garchando | mamadas"  # es
    " | transar | transando | transam | transou | transa com | foder | fodendo | fodem | fodeu | trepar"  # pt
    " | trepando | trepam | fazendo amor | fazem amor | fazer amor | cena de sexo | cenas de sexo"  # pt
    " | versao adulta | sexo explicito | putaria | safadeza | boquetes"  # pt
    " | baiser avec | qui baisent | ils baisent | elles baisent | en train de baiser | se faire baiser"  # fr
    " | se fait baiser   | il la baise | niquer | nique | niquent | en train de niquer"  # fr
    " | faire l amour | font l amour | faisant l amour | scene de sexe | scenes de sexe | version adulte"  # fr
    " | sexe explicite | coucher avec | couche avec | baisable"  # fr
    " | scopano | scopando | scopare | scopa con | si scopa | scopato | trombano | trombare | trombando"  # it
    " | fare l amore | fanno l amore | facendo l amore | scena di sesso | scene di sesso | versione per adulti"  # it
    " | sesso esplicito | chiavare | chiavano | pompini"  # it
    " | ficken | fickt | ficken sich | fickende | fickerei | bumsen | bumst | bumsend | vogeln | vogelt"  # de
    " | sexszene | sexszenen | sex szene | sex haben | haben sex | liebe machen | machen liebe"  # de
    " | erwachsenenversion | pornoversion | sexfilm | bläst ihm einen"  # de
    " | трахаться | трахается | трахаются | трахал | трахала | трахнул | трахнуть | ебаться | ебется | ебутся"  # ru
    " | ебет | ебал | выебал | занимаются сексом | заниматься сексом | занимается сексом | сексом занимаются"  # ru
    " | секс сцена | сцена секса | сцены секса | постельная сцена | версия для взрослых | порнушка"  # ru
    " | отсос"  # ru
    " | 啪啪 | 啪啪啪 | 做爱 | 做愛 | 上床 | 性交 | 操逼 | 肏 | 干她 | 搞她 | 床戏 | 床戲 | 激情戏 | 激情戲"  # zh
    " | 成人版 | 无码 | 無碼 | 开车视频"  # zh
    " | 约炮 | 約炮 | 性行为 | 性行為 | 打炮"  # zh
    " | エッチする | エッチしてる | エッチな動画 | エッチシーン | セックスする | セックスして | 性交 | ヤってる"  # ja
    " | ハメ撮り | 濡れ場 | ベッドシーン | 成人向け | 無修正版"  # ja
    " | 中出し | 手コキ | パイズリ | 乱交 | 亂交"  # ja
    " | 섹스 | 섹스하는 | 섹스신 | 섹스장면 | 성관계 | 성교 | 야동 | 떡치 | 베드신 | 정사신 | 성인버전"  # ko
    " | 무삭제판"  # ko
    " | gets railed | getting railed | got railed | railed by | railed her | railed him"  # en
    " | フェラチオ"  # ja
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
    " | gore | gory | g0re | guro | torn in half | skull crushed | crushed skull | head crushed | crushed head"  # en
    " | brains out | brains blown out | brains spilled | brains spilling out | splattered brains"  # en
    " | bone sticking out | bones sticking out | bone poking out | limbs torn off | limbs ripped off"  # en
    " | head ripped off | head torn off | head cut off | face ripped off | skin ripped off | intestines out"  # en
    " | leg cut off | arm cut off | hand cut off | foot cut off | fingers cut off | cut off his leg"  # en
    " | cut off her leg | cut off his arm | cut off her arm | cut off his hand | cut off her hand"  # en
    " | bein abgerissen | arm abgerissen | kopf abgerissen | hand abgerissen | fuss abgerissen"  # de
    " | abgerissenes bein | abgerissenen arm | abgerissenen kopf"  # de
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
    " | shot himself in the head | shot herself in the head | shoots himself in the head"  # en
    " | shoots herself in the head | cutting her thighs | cutting his thighs | cutting her wrists"  # en
    " | cutting his wrists | cutting her arms | cutting his arms | cuts her wrists | cuts his wrists"  # en
    " | cuts her arms | cuts his arms | cuts her thighs | cuts his thighs | cut her thighs | cut his thighs"  # en
    " | cut her arms | cut his arms | cutting her arm | cutting his arm | razor to her skin"  # en
    " | blade to her wrist | turns the gun on himself | turns the gun on herself | turned the gun on himself"  # en
    " | turned the gun on herself | turns the rifle on himself | turns the rifle on herself"  # en
    " | turned the rifle on himself | turned the rifle on herself | gun to his own head | gun to her own head"  # en
    " | takes his own life | takes her own life | taking his own life | taking her own life | take his own life"  # en
    " | take her own life | take their own life | starve yourself | starving yourself | starve herself"  # en
    " | starves herself | ana tips | ana coach | meanspo | thinspo | thinspiration | bonespo | delete yourself"  # en
    " | go delete yourself | tell him to kys | tell her to kys | told him to kys | kys now | kys pls"  # en
    " | you should kys | hangs himself | hangs herself | overdoses on pills | overdosed on pills"  # en
    " | jumps off the bridge to die | shoots herself | shot himself | shot herself | slashes her wrists"  # en
    " | slashes his wrists | self-mutilation | self mutilation"  # en
    " | se corta los muslos | cortandose los muslos | cortandose las munecas | cortandose los brazos"  # es
    " | se corta las munecas | se esta cortando | se corta a si mismo | se corta a si misma | se quita la vida"  # es
    " | se quito la vida | quitandose la vida | se pega un tiro | se disparo a si mismo | se dispara a si mismo"  # es
    " | apunta el arma contra si mismo | matate | matese | matense | dejar de comer para adelgazar"  # es
    " | consejos ana | consejos pro ana"  # es
    " | se cortando  | cortando os pulsos | cortando as coxas | cortando os bracos | se mutilando"  # pt
    " | se automutilando | tira a propria vida | tirou a propria vida | tirando a propria vida"  # pt
    " | atira em si mesmo | atirou em si mesmo | se mate | se mata logo | vai se matar | dicas ana"  # pt
    " | dicas pro ana"  # pt
    " | se scarifie | se scarifiant | se scarifient | se coupe les poignets | se coupant les poignets"  # fr
    " | se taillade les bras | se taillade les poignets | se coupe les cuisses | se mutile | s automutile"  # fr
    " | se donne la mort | s est donne la mort | met fin a ses jours | a mis fin a ses jours"  # fr
    " | mettre fin a ses jours | retourne l arme contre lui | retourne son arme contre lui"  # fr
    " | retourne le fusil contre lui | se tire une balle | s est tire une balle | tue toi | va te tuer"  # fr
    " | conseils ana | pro ana"  # fr
    " | si taglia le cosce | si taglia i polsi | tagliandosi i polsi | tagliandosi le braccia"  # it
    " | si sta tagliando | si toglie la vita | si tolse la vita | toglierti la vita | si spara | si e sparato"  # it
    " | si spara un colpo | rivolge il fucile contro se stesso | rivolge l arma contro se stesso | ammazzati"  # it
    " | ucciditi | consigli ana | pro ana"  # it
    " | ritzt sich die arme | ritzt sich die oberschenkel | ritzt sich die handgelenke"  # de
    " | schneidet sich die arme | schneidet sich die handgelenke | schneidet sich die oberschenkel"  # de
    " | nimmt sich das leben | nahm sich das leben | richtet die waffe gegen sich"  # de
    " | richtet das gewehr gegen sich | erschiesst sich | erschoss sich | hungert sich | ana tipps | thinspo"  # de
    " | bring dich um | toete dich"  # de
    " | режет себе руки | режет себе вены | режет себе бедра | режет руки | вскрывает вены"  # ru
    " | вскрывает себе вены | вскрыла себе вены | вскрыл себе вены | режется | резаться | порезы на бедрах"  # ru
    " | наносит себе порезы | покончить с жизнью | лишает себя жизни | лишил себя жизни | лишила себя жизни"  # ru
    " | застрелился | застрелилась | стреляет в себя | направил ружье на себя | направил пистолет на себя"  # ru
    " | уморить себя голодом | худеть до костей | убей себя | иди убейся"  # ru
    " | 割自己 | 割大腿 | 割手腕 | 划手腕 | 劃手腕 | 自我伤害 | 自我傷害 | 结束自己的生命 | 結束自己的生命"  # zh
    " | 饮弹自尽 | 飲彈自盡 | 举枪自尽 | 舉槍自盡 | 开枪自杀 | 開槍自殺"  # zh
    " | 饿死自己 | 餓死自己 | 催吐减肥 | 去死吧 | 你去死"  # zh
    " | 自分の腕を切 | 手首を切って | 太ももを切 | 自分を傷つけ | 自ら命を | 命を絶つ | 銃を自分に向け"  # ja
    " | 拳銃自殺 | 首吊り自殺 | 拒食 | 断食して痩せ | 消えろ死ね | 死ねよ"  # ja
    " | 자기손목을 | 손목을긋 | 허벅지를긋 | 팔을긋 | 자해하는 | 스스로목숨을 | 목숨을끊 | 총을자신에게"  # ko
    " | 총구를자신 | 굶어서빼 | 먹토 | 프로아나 | 뒤져라 | 자살해"  # ko
)
SLURS = (
    "nigger | niggers | nigga | niggas | faggot | faggots | fag | fags | kikes | chink | chinks | spic"
    " | spics | wetback | wetbacks | gook | gooks | tranny | trannies | raghead | ragheads"
    " | paki | pakis | frocio | froci | ricchione | bougnoule | youpin | sale negre | sales negres | kanake | kanaken"
    " | neger | schwuchtel | maricon | maricones | sudaca | sudacas | viado | жид | жиды | жидов | хач | хачи"
    " | чурка | пидор* | 支那 | 黑鬼 | 死基佬 | 日本鬼子 | 阿三 | ニガー | チョン公 | 쪽바리 | 짱깨 | 깜둥이"
    " | youpins | youpine | youpines | viados | チョン共 | チョンども | チョン野郎"
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
    " | the 14 words | the fourteen words | 1488 | hh 88 | heil 88 | 88 heil | nazi flag"  # en
    " | nazi flags | nazi symbol | nazi symbols | nazi armband | nazi tattoo | reichskriegsflagge"  # en
    " | wolfsangel | aryan brotherhood | aryan nations | rahowa"  # en
    " | svastica | svastiche | croce uncinata | croci uncinate | saluto nazista | saluto romano"  # it
    " | saluto fascista | bandiera nazista | simbolo nazista | simboli nazisti"  # it
    " | croix gammee | croix gammees | salut nazi | salut hitlerien | salut fasciste | drapeau nazi"  # fr
    " | symbole nazi | symboles nazis"  # fr
    " | hakenkreuz | hakenkreuze | hakenkreuzfahne | hitlergruss | deutscher gruss | kuhnengruss"  # de
    " | ss runen | sig runen | schwarze sonne | schwarzen sonne | schwarzer sonne"  # de
    " | nazisymbol | nazisymbole | nazifahne | nazi fahne"  # de
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
    " | ss lightning runes | ss lightning rune | lightning runes | sig rune | sig runes | sieg runes"  # en
    " | double sig rune | black sun patch | black sun patches | black sun emblem | black sun symbol"  # en
    " | sonnenrad patch | totenkopf patch | totenkopf patches | totenkopf badge | death s head patch"  # en
    " | happy merchant | happy merchant meme | raised right arm salute | right arm raised in salute"  # en
    " | stiff arm salute | stiff-armed salute | straight arm salute | raises his right arm in a nazi"  # en
    " | nazi eagle | reichsadler | ss insignia | ss skull | iron cross with swastika | 14/88"  # en
    " | runas de las ss | runas ss | sol negro | parche del sol negro | parche de calavera ss | saludo romano"  # es
    " | brazo derecho en alto | saludo con el brazo en alto | comerciante feliz"  # es
    " | runas da ss | runas ss | sol negro | emblema do sol negro | saudacao romana | braco direito erguido"  # pt
    " | mercador feliz"  # pt
    " | runes ss | runes de la ss | runes sig | soleil noir | ecusson soleil noir | ecusson totenkopf"  # fr
    " | salut romain | bras droit tendu | bras tendu | le marchand heureux | happy merchant"  # fr
    " | rune delle ss | rune ss | sole nero | toppa sole nero | toppa totenkopf | braccio destro teso"  # it
    " | braccio teso | saluto col braccio teso | mercante felice"  # it
    " | ss runen patch | ss-runen | sigrunen | sig-runen | schwarze sonne patch | totenkopf aufnaher"  # de
    " | totenkopf-aufnaher | totenkopfaufnaher | rechter arm gehoben | hebt den rechten arm"  # de
    " | den rechten arm zum gruss | gluckliche handler | happy merchant"  # de
    " | зиговать | зиганул | зиганула | зиганули | зигуя | зигование | зигануть | руны сс | сс руны"  # ru
    " | черное солнце | нашивка черное солнце | нашивка тотенкопф | мертвая голова сс | правая рука вскинута"  # ru
    " | вскинул правую руку | счастливый торговец"  # ru
    " | 纳粹万字符 | 納粹萬字符 | 纳粹符号 | 納粹符號 | 纳粹万字 | 納粹萬字 | 党卫军符文 | 黨衛軍符文"  # zh
    " | 党卫军标志 | 黨衛軍標誌 | 黑太阳 | 黑太陽 | 骷髅头臂章 | 举起右臂敬礼"  # zh
    " | 舉起右臂敬禮 | 快乐商人 | 快樂商人"  # zh
    " | ssルーン | ss ルーン | 親衛隊のルーン | 黒い太陽 | トーテンコップ | 右腕を挙げた敬礼 | 右腕を上げて敬礼"  # ja
    " | ハッピーマーチャント | ナチスの鉤十字 | ナチスのマーク"  # ja
    " | ss룬 | 친위대룬 | 검은태양 | 토텐코프 | 오른팔을들어경례 | 해피머천트 | 나치문양 | 갈고리십자"  # ko
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
    " | those freaks | bunch of freaks | are like cattle | like cattle | as cattle | are monkeys | are apes"  # en
    " | monkeys | apes | like animals | are cattle | are freaks | should be exterminated | must be wiped out"  # en
    " | should be wiped out | should be eradicated | be exterminated | are subhuman | are beasts | are dogs"  # en
    " | are pigs | are not people | not even human | don t deserve to live | do not deserve to live"  # en
    " | should be killed | need to be killed"  # en
    " | son monos | macacos | son macacos | son simios | simios | son ganado | son bichos"  # es
    " | deberian ser exterminados | deben ser exterminados | hay que exterminarlos | exterminarlos"  # es
    " | son fenomenos | son escoria | infrahumanos"  # es
    " | sao macacos | macacos | macaco | sao gado | gado | sao animais | sao aberracoes | aberracoes"  # pt
    " | devem ser exterminados | deveriam ser exterminados | exterminem | exterminar todos | sub-humanos"  # pt
    " | sao vermes"  # pt
    " | sont des singes | singes | macaques | sont des macaques | du betail | sont du betail"  # fr
    " | sont des monstres | des sous hommes | doivent etre extermines | devraient etre extermines"  # fr
    " | il faut les exterminer | exterminez les | sous humains"  # fr
    " | sono scimmie | scimmie | macachi | sono bestiame | bestiame | sono mostri | sono subumani"  # it
    " | vanno sterminati | devono essere sterminati | dovrebbero essere sterminati | sterminateli tutti"  # it
    " | sono animali"  # it
    " | sind affen | affen | sind vieh | vieh | viehzeug | sind missgeburten | missgeburten"  # de
    " | gehoren ausgerottet | sollten ausgerottet werden | mussen ausgerottet werden | rottet sie aus"  # de
    " | sind untermenschen"  # de
    " | это макаки | макаки | обезьяны | это скот | скот | быдло | уроды | выродки | должны быть уничтожены"  # ru
    " | надо уничтожить | истребить их | нелюди"  # ru
    " | 是猴子 | 猴子们 | 猴子們 | 黑猴子 | 是牲口 | 牲口 | 是怪胎 | 应该被消灭 | 應該被消滅 | 应该被灭绝"  # zh
    " | 消灭他们 | 消滅他們 | 都该死 | 都該死"  # zh
    " | 猿だ | 猿どもだ | 家畜だ | 家畜ども | 化け物ども | 絶滅させろ | 根絶しろ | 駆除すべき | 皆殺しにしろ"  # ja
    " | 원숭이들 | 원숭이같은 | 가축같은 | 가축들 | 괴물들 | 박멸해야 | 멸종시켜야 | 몰살해야 | 다죽여야"  # ko
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
    # British school years: "in year 7" is 11-12 years old (bare "year 8" could be anything).
    " | in year 3 | in year 4 | in year 5 | in year 6 | in year 7 | in year 8 | in year 9 | year 7 pupil"  # en
    " | year 8 pupil | year 9 pupil | year 7 girl | year 8 girl | year 9 girl | year 7 boy | year 8 boy"  # en
    " | year 9 boy | year 7 pupils | year 8 pupils | year 9 pupils"  # en
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
    " | not 18 yet | not yet 18 | under eighteen | not eighteen yet | almost 18 | barely 18 | little sister"  # en
    " | my little sister | middle-schooler | schoolgirl outfit | school uniform | 7th-grade | 8th-grade"  # en
    " | in 6th grade | in 7th grade | in 8th grade | year old girl | jr high | junior high school | preschool"  # en
    " | chavalita | chavalito | chavalitas | ninita | ninitas | nenita | nenitas | chiquitina | jovencita de"  # es
    " | criatura | menores | no tiene 18 | aun no tiene 18 | todavia no tiene 18 | colegio | del colegio"  # es
    " | de la escuela | del instituto | de sexto | de quinto | de primero de eso | de segundo de eso"  # es
    " | de la eso"  # es
    " | novinha | novinhas | ninfetinha | ninfeta | menininha | garotinha | pirralha | criancinha | de menor"  # pt
    " | nao tem 18 | ainda nao tem 18 | colegial | estudante do fundamental | da escola | do colegio"  # pt
    " | do sexto ano | do setimo ano"  # pt
    " | gamine de | fillette de | petite de | pas encore 18 ans | n a pas 18 ans | pas encore majeure | mineure"  # fr
    " | mineures | collegienne | collegiennes | lyceenne | en 6e | en 5e | en 4e | en 3e | en sixieme"  # fr
    " | en cinquieme | en quatrieme | en troisieme | a l ecole"  # fr
    " | bambinetta | ragazzina | ragazzine | piccolina | piccola di | non ha ancora 18 anni"  # it
    " | non ancora maggiorenne | minorenne | minorenni | alle medie | delle medie | di prima media"  # it
    " | di terza media | liceale | liceali | scolaretta"  # it
    " | madel | noch nicht 18 | unter 18 | minderjahrige | minderjahriges | schulmadchen | schulerin"  # de
    " | schulerinnen | in der schule | aus der funften | aus der sechsten | aus der siebten | grundschulerin"  # de
    " | ей нет 18 | еще нет 18 | нет восемнадцати | несовершеннолетняя | несовершеннолетней | малолетка"  # ru
    " | малолетку | девчонка | девчонку | девочка | девочку | девочки | школьница | школьницу | школьницы"  # ru
    " | в школе | из школы | пятиклашка | шестиклашка | семиклашка"  # ru
    " | 未满18 | 未滿18 | 不满十八 | 不滿十八 | 还没满18 | 小萝莉 | 小蘿莉 | 小妹妹 | 小女生 | 小学 | 小學"  # zh
    " | 初中 | 国中 | 女孩子 | 岁女孩 | 歲女孩 | 岁的女孩"  # zh
    " | 歲的女孩"  # zh
    " | 18歳未満 | 未成年 | 女子小学生 | 女子中学生 | 小学生 | 中学生 | 女児 | 幼女 | 少女 | 子供 | 子ども"  # ja
    " | こども | ロリ | 年生の女の子 | 歳の女の子"  # ja
    " | 미성년자 | 18살미만 | 열여덟살도안된 | 여학생 | 여중생 | 초등학생 | 중학생 | 어린여자아이 | 여자아이"  # ko
    " | 꼬마 | 소녀 | 살여자아이"  # ko
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
    "blood | bloody | bleeding | injury | injured | fist fight"
    " | fistfight | punch"
    " | punching | brawl | corpse | dead body | sangue | incidente | rissa | schianto | du sang | en sang"
    " | bagarre | blut"
    " | unfall | schlagerei | sangre | pelea | choque | accidente | briga | acidente | кровь | крови | драка"
    " | авария | 流血 | 鲜血 | 鮮血 | 血腥 | 打架 | 斗殴 | 鬥毆 | 车祸 | 車禍 | 出血 | 血まみれ | 喧嘩"
    " | ケンカ | 事故"
    " | クラッシュ | 피투성이 | 유혈 | 싸움 | 충돌 | 사고"
    " | hockey fight | fight breaks out | a fight broke out | start a fight | starts a fight | get into a fight"  # en
    " | gets into a fight | fighting each other | fight each other | fight with fists | brawl | brawls"  # en
    " | brawling | punch | punches | punched | punching | fistfight | fist fight | fights | beat up | beats up"  # en
    " | beating up | beaten up | kick in the face | headbutt | headbutts | knocked out cold | knockout punch"  # en
    " | bloody nose | bloody | blood | bleeding | stabbed | stabbing | shot dead | massacre | riot | riots"  # en
    " | hooligans | hooligan | violent crash | horrific crash | horror crash | brutal crash | terrible crash"  # en
    " | gruesome crash"  # en
    " | pelea | peleas | peleando | se pelean | punetazo | punetazos | a punetazos | pelea a golpes | golpiza"  # es
    " | paliza | reyerta | tangana | cabezazo | ensangrentado | ensangrentada | sangrando | apunalado | tiroteo"  # es
    " | disturbios"  # es
    " | briga | brigas | brigando | porrada | porradaria | soco | socos | socando | pancadaria | murro | murros"  # pt
    " | espancado | espancada | ensanguentado | ensanguentada | sangrando | esfaqueado | tiroteio"  # pt
    " | bagarre | bagarres | se bagarrent | baston | coup de poing | coups de poing | poings | se battent"  # fr
    " | tabasse | tabassage | rixe | coup de boule | ensanglante | ensanglantee | saigne | poignarde"  # fr
    " | fusillade | emeute"  # fr
    " | rissa | risse | pugno | pugni | a pugni | si picchiano | picchiano | pestaggio | botte | zuffa"  # it
    " | scazzottata | testata | insanguinato | insanguinata | sanguina | accoltellato | sparatoria"  # it
    " | prugeln sich | prugelei | prugeleien | schlagerei | schlagereien | faustschlag | faustschlage"  # de
    " | faustkampf | boxt ihn | verprugelt | verprugeln | kopfstoss | blutig | blutuberstromt | blutet"  # de
    " | erstochen | schiesserei | krawall | krawalle"  # de
    " | драка | драки | дерутся | подрались | подрался | мордобой | избиение | избил | избили | кулаком"  # ru
    " | удар кулаком | кулаки | побоище | окровавленный | окровавленная | в крови | истекает кровью | зарезал"  # ru
    " | стрельба | беспорядки"  # ru
    " | 打群架 | 群殴 | 群毆 | 拳头 | 拳頭 | 一拳 | 揍 | 殴打 | 毆打 | 扭打 | 互殴 | 互毆 | 头破血流 | 頭破血流"  # zh
    " | 枪击 | 槍擊 | 刺伤 | 刺傷 | 暴乱 | 暴亂"  # zh
    " | 殴り合い | 喧嘩 | けんか | 乱闘 | 殴る | 殴られ | パンチ | 暴行 | ボコボコ | 血だらけ | 流血 | 刺され"  # ja
    " | 銃撃 | 暴動"  # ja
    " | 주먹다짐 | 패싸움 | 난투극 | 몸싸움 | 주먹질 | 때리는 | 폭행 | 피투성이 | 유혈 | 칼에찔린 | 총격 | 폭동"  # ko
)
WEAPONS = (
    "gun | guns | rifle | rifles | pistol | pistols | firearm* | shotgun | sword | swords | knife | knives"
    " | bomb"
    " | bombs | grenade* | machine gun | fucile | pistola | coltello | spada | bomba | fusil | pistolet"
    " | couteau | epee | gewehr* | pistole | messer | schwert | cuchillo | espada | arma | armas | faca"
    " | винтовк* | пистолет* | нож | меч | бомб* | 枪 | 槍 | 手枪 | 手槍 | 刀子 | 匕首 | 炸弹 | 炸彈 | 銃"
    " | 拳銃"
    " | ナイフ | 爆弾 | 총을 | 총기 | 권총 | 칼을 | 폭탄"
    " | shotgun | shotguns | pistol | pistols | handgun | handguns | revolver | revolvers | ak-47 | ak47"  # en
    " | assault rifle | machine gun | submachine gun | uzi | glock | sniper rifle | firearm"  # en
    " | armed with | gunman | gunmen | machete | grenade | molotov"  # en
    " | escopeta | escopetas | pistola | pistolas | revolver | fusil | rifle | metralleta | ametralladora"  # es
    " | arma de fuego | armas de fuego | francotirador | machete | granada | navaja | cuchillo"  # es
    " | espingarda | espingardas | pistola | pistolas | revolver | fuzil | metralhadora | arma de fogo"  # pt
    " | armas de fogo | atirador | faca | facao | granada"  # pt
    " | fusil a pompe | fusil de chasse | pistolet | pistolets | revolver | arme a feu | armes a feu"  # fr
    " | kalachnikov | mitraillette | fusil de sniper | tireur | couteau | machette | grenade"  # fr
    " | fucile a pompa | doppietta | pistola | pistole | revolver | arma da fuoco | armi da fuoco | mitra"  # it
    " | mitragliatrice | cecchino | coltello | machete | granata"  # it
    " | schrotflinte | schrotflinten | pistole | pistolen | revolver | schusswaffe | schusswaffen | sturmgewehr"  # de
    " | maschinengewehr | scharfschutze | messer | machete | granate"  # de
    " | дробовик | обрез | ружье | ружьем | пистолет | пистолетом | револьвер | автомат | калашников"  # ru
    " | огнестрельное | снайпер | нож | ножом | мачете | граната"  # ru
    " | 猎枪 | 獵槍 | 霰弹枪 | 霰彈槍 | 步枪 | 步槍 | 冲锋枪 | 衝鋒槍 | 机枪 | 機槍 | 狙击 | 狙擊 | 砍刀"  # zh
    " | 手榴弹 | 手榴彈"  # zh
    " | 散弾銃 | ショットガン | 拳銃 | ピストル | ライフル | 機関銃 | マシンガン | 狙撃 | ナイフ | 刃物 | 手榴弾"  # ja
    " | 산탄총 | 엽총 | 권총 | 소총 | 기관총 | 저격 | 흉기 | 수류탄"  # ko
)
ALCOHOL = (
    "beer | beers | wine | vodka | whisky | whiskey | champagne | drunk | alcohol | cocktail* | birra | vino"
    " | ubriaco | ubriaca | biere | vin | ivre | bier | wein | betrunken | cerveza | borracho | borracha"
    " | cerveja | vinho | bebado | bebada | пиво | водка | пьян* | 喝酒 | 啤酒 | 葡萄酒 | 白酒 | 喝醉 | 醉酒"
    " | ビール | 酒を | 酔っ | 맥주 | 소주 | 술을 | 술마시"
    " | joint | joints | weed | smoking weed | cannabis | marijuana | cocaine | coke line | lines of coke"  # en
    " | snorting | meth | heroin | ecstasy | mdma | lsd | magic mushrooms | stoned | drugs | drug | drunk"  # en
    " | drunken | hammered | tipsy | beer bong | doing shots | booze | liquor | tequila | gin | schnapps"  # en
    " | jagermeister | hangover"  # en
    " | porro | porros | fumando porros | marihuana | cocaina | raya de coca | drogas | droga | drogado"  # es
    " | drogada | borracho | borracha | borrachos | borrachas | emborrachandose | ebrio | ebria | chupitos"  # es
    " | resaca | colocado"  # es
    " | baseado | baseados | maconha | cocaina | carreira de po | drogas | droga | drogado | drogada | bebado"  # pt
    " | bebada | bebados | bebadas | embriagado | embriagada | cachaca | caipirinha | ressaca | chapado"  # pt
    " | chapada"  # pt
    " | joint | joints | fumer un joint | beuh | weed | cannabis | cocaine | coke | drogue | drogues | drogue a"  # fr
    " | ivres | ivre | bourre | bourree | bourres | saoul | saoule | completement ivre | gueule de bois"  # fr
    " | bieres | vodka | pastis"  # fr
    " | canna | canne | spinello | spinelli | fumare una canna | marijuana | cocaina | droga | droghe | drogato"  # it
    " | drogata | ubriachi | ubriache | sbronzo | sbronza | ciucco | sbornia | grappa | vodka"  # it
    " | joint | joints | kiffen | kifft | marihuana | kokain | koks | drogen | droge | betrunken | betrunkene"  # de
    " | besoffen | besoffene | voll wie | saufen | sauft | besaufnis | kater | schnaps | jagermeister"  # de
    " | косяк | косячок | травка | марихуана | кокаин | наркотики | наркотик | наркоман | пьяный | пьяная"  # ru
    " | пьяные | напился | напилась | бухой | бухая | бухают | перегар | похмелье | водка | водку | самогон"  # ru
    " | 大麻 | 抽大麻 | 卷烟 | 可卡因 | 毒品 | 吸毒 | 嗑药 | 嗑藥 | 喝醉了 | 醉醺醺 | 烂醉 | 爛醉 | 酒鬼 | 宿醉"  # zh
    " | 白酒 | 二锅头 | 二鍋頭"  # zh
    " | 大麻 | マリファナ | ジョイント | コカイン | 覚醒剤 | 麻薬 | ドラッグ | 酔っ払い | 酔っぱらい | 泥酔"  # ja
    " | 二日酔い | 飲酒 | 焼酎 | 日本酒"  # ja
    " | 대마초 | 마리화나 | 코카인 | 마약 | 필로폰 | 술취한 | 취한 | 만취 | 숙취 | 소주 | 폭탄주"  # ko
)
POLITICAL = (
    "nazi | nazis | hitler | isis | hammer and sickle | confederate flag | trump | putin"
    " | xi jinping | zelensky | election | protest | propaganda | free tibet | 卍 | 纳粹 | 納粹"
    " | 希特勒 | 习近平 | 習近平 | 台独 | 台獨 | 藏独 | ナチス | ヒトラー | 나치 | 히틀러"
    " | нацист*"
    " | гитлер* | путин*"
    " | maga | maga hat | maga cap | make america great again | protest banner | protest sign | protest signs"  # en
    " | protesters | protestors | anti-war banner | anti war banner | anti-war | anti war | anti-government"  # en
    " | anti government | antigovernment | slava ukraini | glory to ukraine | free palestine"  # en
    " | from the river to the sea | independence flag | estelada | separatist flag | blm | black lives matter"  # en
    " | all lives matter | communist flag | soviet flag | ussr flag | z symbol | kremlin | biden | obama"  # en
    " | kamala harris | netanyahu | kim jong un | lukashenko | erdogan | orban | macron | stalin | lenin"  # en
    " | mao zedong | che guevara | demonstration | political slogan | campaign rally"  # en
    " | gorra maga | pancarta de protesta | pancartas de protesta | pancarta antiguerra"  # es
    " | pancarta contra el gobierno | contra la guerra | antigubernamental | manifestacion | manifestantes"  # es
    " | protesta | protestas | estelada | estelades | independencia | independentista | independentistas"  # es
    " | bandera independentista | franquista | falange | ikurrina | procés | visca catalunya lliure"  # es
    " | gloria a ucrania | slava ukraini | psoe"  # es
    " | bone maga | faixa de protesto | cartaz de protesto | cartazes de protesto | contra a guerra"  # pt
    " | antigoverno | manifestacao | manifestantes | protesto | protestos | bolsonaro | lula | petista"  # pt
    " | bolsonarista | gloria a ucrania | slava ukraini | bandeira separatista | independencia"  # pt
    " | casquette maga | banderole de protestation | pancarte de protestation | pancartes | contre la guerre"  # fr
    " | anti guerre | antigouvernemental | antigouvernementale | manifestation | manifestants | manif"  # fr
    " | gilets jaunes | gilet jaune | le pen | melenchon | drapeau independantiste | independantiste | estelada"  # fr
    " | gloire a l ukraine | slava ukraini | kanak independance | corse libre"  # fr
    " | cappellino maga | striscione di protesta | striscione contro la guerra | cartelli di protesta"  # it
    " | contro la guerra | antigovernativo | antigovernativa | manifestazione | manifestanti | corteo"  # it
    " | mussolini | duce | fascismo | fascista | fascisti | gloria all ucraina | slava ukraini"  # it
    " | bandiera indipendentista | indipendentista"  # it
    " | maga kappe | maga mutze | protestbanner | protestplakat | protestschild | antikriegsbanner"  # de
    " | gegen den krieg | antikriegs | regierungsfeindlich | demonstration | demonstranten | afd | reichsflagge"  # de
    " | reichsbürger | reichsburger | slava ukraini | ruhm der ukraine | unabhangigkeitsflagge | separatisten"  # de
    " | кепка maga | протестный баннер | плакат протеста | антивоенный | антивоенные | против войны | нет войне"  # ru
    " | антиправительственный | митинг | протест | протесты | протестующие | навальный | слава украине"  # ru
    " | героям слава | символ z | буква z | майдан"  # ru
    " | maga帽 | 抗议横幅 | 抗議橫幅 | 抗议标语 | 抗議標語 | 反战 | 反戰 | 反政府 | 游行 | 遊行 | 示威 | 抗议"  # zh
    " | 抗議 | 港独 | 港獨 | 光复香港 | 光復香港"  # zh
    " | 乌克兰万岁 | 烏克蘭萬歲 | 六四 | 天安门 | 天安門 | 共产党 | 共產黨"  # zh
    " | maga帽 | 抗議の横断幕 | 抗議プラカード | 反戦 | 反政府 | デモ隊 | 抗議デモ | 独立旗"  # ja
    " | ウクライナに栄光を | 安倍 | 天皇"  # ja
    " | maga모자 | 시위현수막 | 반전시위 | 반정부 | 시위대 | 집회 | 촛불집회 | 독립기 | 우크라이나에영광을"  # ko
    " | 윤석열 | 이재명 | 김정은"  # ko
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
    " | tiny bikini | skimpy bikini | micro bikini | string bikini | lacy bra | lace bra | only wearing"  # en
    " | wearing only | thong | thongs | lingerie | bra and panties | see through | see-through | tanga"  # en
    " | crop top and panties | nightie | negligee | garter belt | stockings and garters"  # en
    " | bikini diminuto | bikini pequeno | bikini pequenito | micro bikini | sujetador de encaje | solo lleva"  # es
    " | tangas | hilo dental | lenceria | ropa interior de encaje"  # es
    " | biquini minusculo | biquini pequeno | biquininho | microbiquini | sutia de renda | so de calcinha"  # pt
    " | so de sutia | usando apenas | vestindo apenas | fio dental | lingerie | calcinha fio dental | tanga"  # pt
    " | bikini minuscule | micro bikini | minuscule bikini | soutien gorge en dentelle | soutif | en string"  # fr
    " | portant seulement | vetue seulement | juste vetue | lingerie | en lingerie | en nuisette | nuisette"  # fr
    " | tanga"  # fr
    " | bikini minuscolo | bikini ridotto | micro bikini | reggiseno di pizzo | indossa solo | con addosso solo"  # it
    " | perizoma | tanga | lingerie | in lingerie | intimo di pizzo | babydoll"  # it
    " | winziger bikini | winzigen bikini | mini bikini | spitzen bh | bh aus spitze | tragt nur"  # de
    " | nur bekleidet mit | tanga | dessous | reizwasche | in dessous | negligee"  # de
    " | крошечное бикини | крошечном бикини | микро бикини | кружевной лифчик | кружевном лифчике"  # ru
    " | только в трусиках | в одних трусиках | в одном белье | одета только | стринги | танга | нижнем белье"  # ru
    " | белье"  # ru
    " | 小比基尼 | 迷你比基尼 | 蕾丝胸罩 | 蕾絲胸罩 | 蕾丝内衣 | 蕾絲內衣 | 只穿 | 只穿着 | 只穿著 | 丁字裤"  # zh
    " | 情趣内衣 | 情趣內衣 | 内衣 | 內衣"  # zh
    " | 小さなビキニ | マイクロビキニ | 極小ビキニ | レースのブラ | 下着だけ | 下着姿 | 下着のみ | だけを着"  # ja
    " | tバック | ランジェリー | ティーバック | ブラだけ"  # ja
    " | 작은비키니 | 마이크로비키니 | 레이스브라 | 속옷만 | 속옷차림 | 티팬티 | 끈팬티 | 란제리 | 만입은"  # ko
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
    " | penistone"  # a Yorkshire town, which "penis*" of several lists would read as a word
    " | waginger see | waginger"  # a Bavarian lake and its towns' adjective, which Polish "wagin*" would read
    " | auf den wank | am wank | vom wank | wank bei garmisch"  # a mountain above Garmisch, which "wank" would read
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
    " | snow monkey | snow monkeys | japanese macaques | with the naked eye | to the naked eye | the naked eye"  # en
    " | naked eye | blood-red | blood red | blood red sunset | blood-red sunset | blood moon | bloody mary"  # en
    " | crash but he gets up | fight for gold | fight for the medal | fights for gold | fighting for gold"  # en
    " | fighting for the lead | fight for the lead | fighting spirit | fight back | fights back | fought back"  # en
    " | fighting back | punch the air | punches the air | a joint effort | joint effort | joint venture"  # en
    " | joint winners | in a joint | knee joint | hip joint | ankle joint | joint pain | head coach"  # en
    " | head start | head to head | head-to-head | heads up | hot chocolate | hot cocoa | hot tea | hot drink"  # en
    " | hot drinks | hot tub | hot dog | hot dogs | hot springs | hot spring | hot day | hot sun | hot seat"  # en
    " | hot favourite | hot favorite | hot streak | hot pursuit | shot on goal | cut off time | cutoff"  # en
    " | jump shot | drinking water | the bomb | photo finish | white wine | red wine | fire cracker"  # en
    " | cracking open a | fight of her life | tears off her goggles | tears off his goggles"  # en
    " | rips off her helmet | rips off his helmet | ripped off his helmet | ripped off her helmet"  # en
    " | tore off his helmet | tore off her helmet"  # en
    " | a simple vista | rojo sangre | rojo sangriento | atardecer rojo sangre | disparo brutal a puerta"  # es
    " | un disparo brutal a puerta | disparo brutal | disparo a puerta | disparo a porteria | tiro a puerta"  # es
    " | pelea por el oro | pelea por la medalla | pelea por el podio | lucha por el oro | piernas de acero"  # es
    " | caliente chocolate | chocolate caliente | bebida caliente | agua caliente | cafe caliente | sol picante"  # es
    " | a olho nu | vermelho sangue | por do sol vermelho sangue | briga pelo ouro | briga pela medalha"  # pt
    " | briga pelo podio | chocolate quente | bebida quente | agua quente | cafe quente"  # pt
    " | a l oeil nu | rouge sang | coucher de soleil rouge sang | un baiser | le baiser | des baisers"  # fr
    " | un petit baiser | bisous | se bat pour l or | se battent pour l or | se battre pour la medaille"  # fr
    " | chocolat chaud | boisson chaude | vin chaud | the chaud | coup de poing sur la table"  # fr
    " | a occhio nudo | rosso sangue | tramonto rosso sangue | cioccolata calda | bevanda calda"  # it
    " | vin brule caldo | si batte per l oro | lotta per l oro | lotta per il podio | pugno in aria"  # it
    " | pugni al cielo | testa a testa"  # it
    " | mit blossem auge | blutrot | blutroter | blutrote | blutroten sonnenuntergang | heisse schokolade"  # de
    " | heisser tee | heisses getrank | gluhwein | kampft um gold | kampf um gold | kampft um die medaille"  # de
    " | kopf an kopf | kopf-an-kopf | blaue piste | blau weiss | blauer himmel | im blauen"  # de
    " | невооруженным глазом | кроваво красный | кроваво красный закат | горячий чай | горячий шоколад"  # ru
    " | горячая битва за золото | борьба за золото | дерутся за золото | бьется за медаль | голова в голову"  # ru
    " | 肉眼 | 血红的夕阳 | 血紅的夕陽 | 血红色 | 血紅色 | 热巧克力 | 熱巧克力"  # zh
    " | 肉眼 | 血のように赤い夕日 | 真っ赤な夕日 | ホットチョコレート | ホットココア | ホットドリンク"  # ja
    " | 육안 | 핏빛노을 | 붉은노을 | 핫초코 | 뜨거운초코"  # ko
    " | hot sunny | hot summer | hot air | hot air balloon | hot soup | hot meal | hot food | hot weather"  # en
    " | hot shower | hot lunch | hot breakfast | red hot | red-hot | spicy food | spicy ramen | spicy chili"  # en
    " | spicy noodles | spicy curry | spicy snacks | spicy wings | punch bowl | fruit punch | joint press"  # en
    " | joint press conference | joint statement | joint training | joint session | joint first | joint second"  # en
    " | joint third"  # en
    " | 눈싸움 | 눈싸움을"  # ko
)

# Body parts and the words for tearing, cutting or crushing one off: blocked as gore when both are read together
# ("leg ripped off, bone sticking out"); either alone is harmless ("a bloody nose" stays a violence flag).
BODY_PARTS = (
    "leg | legs | arm | arms | head | heads | hand | hands | foot | feet | finger | fingers | fingertip"  # en
    " | toe | toes | ear | ears | eye | eyes | eyeball | face | neck | throat | skull | bone | bones | shin"  # en
    " | thigh | knee | kneecap | limb | limbs | torso | belly | stomach | chest | jaw | nose | tongue | spine"  # en
    " | skin | flesh | guts | intestines | brain | brains"  # en
    " | pierna | piernas | brazo | brazos | cabeza | mano | manos | pie | pies | dedo | dedos | oreja | ojo"  # es
    " | ojos | cara | cuello | garganta | craneo | hueso | huesos | rodilla | muslo | tripas | intestinos"  # es
    " | cerebro | sesos | piel"  # es
    " | perna | pernas | braco | bracos | cabeca | mao | maos | pe | pes | dedo | dedos | orelha | olho | olhos"  # pt
    " | rosto | pescoco | garganta | cranio | osso | ossos | joelho | coxa | tripas | intestinos | cerebro"  # pt
    " | miolos | pele"  # pt
    " | jambe | jambes | bras | tete | main | mains | pied | pieds | doigt | doigts | oreille | oeil | yeux"  # fr
    " | visage | cou | gorge | crane | os | genou | cuisse | tripes | intestins | cerveau | cervelle | peau"  # fr
    " | membre | membres"  # fr
    " | gamba | gambe | braccio | braccia | testa | mano | mani | piede | piedi | dito | dita | orecchio"  # it
    " | occhio | occhi | faccia | viso | collo | gola | cranio | osso | ossa | ginocchio | coscia | intestino"  # it
    " | cervello | pelle | arto | arti"  # it
    " | bein | beine | arm | arme | kopf | hand | hande | fuss | fusse | finger | ohr | auge | augen | gesicht"  # de
    " | hals | kehle | schadel | knochen | knie | oberschenkel | darme | gehirn | hirn | haut | gliedmassen"  # de
    " | нога | ногу | ноги | рука | руку | руки | голова | голову | головы | кисть | палец | пальцы | ухо"  # ru
    " | глаз | глаза | лицо | шея | шею | горло | череп | кость | кости | колено | бедро | кишки | мозг | мозги"  # ru
    " | кожа | кожу | конечность | конечности"  # ru
    " | 腿 | 手臂 | 胳膊 | 手指 | 耳朵 | 眼睛 | 脖子 | 喉咙 | 头骨 | 頭骨 | 骨头 | 骨頭 | 膝盖 | 膝蓋 | 肠子"  # zh
    " | 腸子 | 脑浆 | 腦漿 | 四肢"  # zh
    " | 脚 | 腕 | 喉 | 頭蓋骨 | 骨 | 膝 | 太もも | 腸 | 脳みそ | 内臓 | 手足"  # ja
    " | 손가락 | 두개골 | 뼈 | 무릎 | 허벅지 | 내장 | 창자 | 뇌"  # ko
)

SEVERING = (
    "ripped off | torn off | tore off | tears off | tearing off | rips off | ripping off | severed | severs"  # en
    " | severing  | chopped off | chops off | hacked off | sliced off | sawn off | sawed off"  # en
    " | blown off | amputated | amputates | amputation | decapitated | sliced open | slicing open | slices open"  # en
    " | split open | gashed open | ripped open | torn open | bone sticking out | bones sticking out"  # en
    " | bone protruding | bones protruding | sticking out of the skin | brains out | brains spilling"  # en
    " | blood spurting | spurting blood | gushing blood | dangling by a thread | hanging by a thread of skin"  # en
    " | crushed to a pulp | mangled | pulped | disemboweled"  # en
    " | cercenada | cercenado | amputada | amputado | amputacion | cortada de cuajo | cortado de cuajo"  # es
    " | seccionada | seccionado | mutilada | mutilado | decapitado | decapitada | abierta en canal"  # es
    " | abierto en canal | hueso asomando | hueso saliendo | con el hueso fuera | hueso fuera | sesos fuera"  # es
    " | sesos esparcidos | sangre a chorros | sangre salpicando | chorros de sangre"  # es
    " | decepada | decepado | decepou | amputada | amputado | cortada fora | cortado fora | dilacerada"  # pt
    " | dilacerado | mutilada | mutilado | aberta ao meio | aberto ao meio | osso exposto | osso para fora"  # pt
    " | osso saindo | miolos para fora | miolos espalhados | sangue jorrando | jorrando sangue"  # pt
    " | esguichando sangue"  # pt
    " | sectionnee | sectionne | amputee | ampute | coupee net | coupe net | broyee | broye | dechiquetee"  # fr
    " | dechiquete | decapite | decapitee | ouvert en deux | ouverte en deux | os qui sort | os qui depasse"  # fr
    " | os apparent | l os sorti | cervelle repandue | cervelle a l air | sang qui gicle | giclees de sang"  # fr
    " | gicle de sang"  # fr
    " | amputata | amputato | amputate | amputati | mozzata | mozzato | mozzate | tranciata | tranciato"  # it
    " | recisa | reciso | maciullata | maciullato | spappolata | spappolato | squarciata | squarciato"  # it
    " | decapitato | decapitata | osso che sporge | ossa che sporgono | osso esposto | osso di fuori"  # it
    " | cervello di fuori | cervello spappolato | sangue che schizza | schizzi di sangue | sangue a fiotti"  # it
    " | fiotti di sangue"  # it
    " | abgerissene | abgerissener | abgetrennt | abgetrennte | abgetrennter | amputiert"  # de
    " | amputierte | abgehackt | abgehackte | abgeschnitten | abgeschnittene | zerquetscht | zerquetschte"  # de
    " | zermalmt | aufgeschlitzt | geköpft | gekopft | knochen ragt heraus | knochen ragt raus"  # de
    " | herausragender knochen | knochen schaut heraus | hirn quillt | gehirn spritzt | blut spritzt"  # de
    " | spritzendes blut | blutfontane"  # de
    " | оторвало | оторвана | оторван | оторванная | оторванной | оторвал | оторвали | отрезало | отрезана"  # ru
    " | отрезанная | отрублена | отрубленная | отрубило | ампутирована | ампутировали | раздроблен"  # ru
    " | раздроблена | раздробило | размозжен | размозжена | размозжило | раскроен | раскроили | вспорот"  # ru
    " | вспорота | кость торчит | торчит кость | торчащая кость | кости торчат | мозги наружу | мозги вылетели"  # ru
    " | кровь хлещет | хлещет кровь | фонтан крови"  # ru
    " | 被砍断 | 被砍斷 | 砍断 | 砍斷 | 扯断 | 扯斷 | 被切断 | 被切斷 | 截肢 | 压碎 | 壓碎 | 碾碎 | 被碾"  # zh
    " | 骨头露出 | 骨頭露出 | 骨头外露 | 骨頭外露 | 骨头刺出"  # zh
    " | 骨頭刺出 | 脑浆迸裂 | 腦漿迸裂 | 脑浆四溅 | 腦漿四濺 | 鲜血喷涌 | 鮮血噴湧 | 血喷 | 血噴 | 被斩 | 被斬"  # zh
    " | 压爆 | 壓爆 | 脑浆喷 | 腦漿噴"  # zh
    " | ちぎれ | 千切れ | もげ | 切断 | 切り落と | 引きちぎ | 骨が飛び出 | 骨が突き出 | 骨がむき出し | 骨が露出"  # ja
    " | 脳みそが飛び出 | 脳が飛び散 | 血が噴き出 | 血しぶき"  # ja
    " | 血飛沫"  # ja
    " | 잘려나간 | 잘려나가 | 절단된 | 뜯겨나간 | 찢겨나간 | 으스러진 | 으깨진 | 뼈가튀어나 | 뼈가드러"  # ko
    " | 뇌가튀어 | 피가솟구 | 피가뿜어"  # ko
)

# Words that are only suggestive next to a minor ("hot", "spicy", "steamy"): never flagged alone.
INNUENDO = (
    "hot | hottie | steamy | spicy | make it hot | make her hot | sexier | sexiest | racy | kinky | horny"  # en
    " | thirst trap | flirting | skimpy | cleavage | pose sexy"  # en
    " | caliente | calientes | picante | picantes | sensual | sexi | hot | atrevida | provocativa"  # es
    " | subido de tono | subida de tono"  # es
    " | gostosa | gostosinha | sensual | sexy | picante | provocante | safada | safadinha | ousada"  # pt
    " | torride | torrides | hot | sexy | coquine | coquin | epice | epicee | osee"  # fr
    " | sensuelle | suggestif | suggestive"  # fr
    " | bollente | bollenti | piccante | piccanti | hot | sexy | provocante | audace | maliziosa"  # it
    " | sensuale"  # it
    " | sexy | aufreizend | pikant | pikante | freizugig | freizugige | verrucht"  # de
    " | пикантная | пикантное | пикантно | сексуальная | секси"  # ru
    " | развратная | соблазнительная | откровенная"  # ru
    " | 火辣 | 性感 | 辣妹 | 惹火 | 热辣 | 熱辣 | 骚 | 騷 | 撩 | 色色 | 涩涩 | 澀澀"  # zh
    " | エロ | エッチ | セクシー | 色っぽい | 過激な | 刺激的 | 際どい | きわどい"  # ja
    " | 섹시 | 야한 | 야하게 | 화끈한 | 아찔한 | 도발적인 | 므흣"  # ko
    " | heisse schulerin | heisses madchen | heisse kleine | heisse teenagerin"  # de
    " | горячая школьница | горячая девочка | горячая малолетка"  # ru
    " | goraca uczennica | goraca dziewczynka | goraca nastolatka"  # pl
    " | novinha quente | menina quente | gostosa novinha"  # pt
    " | petite chaude | gamine chaude | collegienne chaude"  # fr
    " | ragazzina calda | bollente ragazzina"  # it
)

# Slang that is sexual only next to an adults-only cue ("corn" next to "uncensored" or "18+").
SEX_SLANG = "corn | spicy video | lewds"  # en

# Adults-only cues ("uncensored", "explicit"; "18+" is found by the check): sexual next to a sexy word.
EXPLICIT_CUES = (
    "uncensored | explicit | explicit version | explicit scene | adults only | adult version | xxx | rated x"  # en
    " | 18 plus | no censorship | without censorship | not censored"  # en
    " | sin censura | explicito | explicita | version explicita | solo adultos | para adultos | mayores de 18"  # es
    " | sem censura | explicito | explicita | versao explicita | so para adultos | para maiores de 18"  # pt
    " | mais de 18"  # pt
    " | non censure | non censuree | sans censure | explicite | version explicite | reserve aux adultes"  # fr
    " | pour adultes | interdit aux moins de 18"  # fr
    " | senza censura | non censurato | non censurata | esplicito | esplicita | versione esplicita"  # it
    " | solo per adulti | vietato ai minori"  # it
    " | unzensiert | unzensierte | unzensiertes | explizit | explizite | explizites | ab 18"  # de
    " | nur fur erwachsene | fur erwachsene"  # de
    " | без цензуры | откровенная версия | откровенное | откровенные | 18 плюс | только для взрослых"  # ru
    " | для взрослых"  # ru
    " | 无删减 | 無刪減 | 未删减 | 未刪減 | 18禁 | 十八禁 | 成人向 | 限制级 | 限制級 | r18"  # zh
    " | 無修正 | 無検閲 | 18禁 | r18 | 成人向け | 大人向け | 過激版"  # ja
    " | 무삭제 | 무검열 | 19금 | 18금 | 성인용 | 수위높은"  # ko
)

# ---- paradigms and additions, written once rather than form by form
# ------------------------------------------------------------------------------
_REFLEXIVE = ("myself", "yourself", "himself", "herself", "themselves", "themself", "itself")
_POSSESSIVE = ("my", "your", "his", "her", "their")
# "hanging herself", "stabbed himself": a harming verb with a reflexive pronoun is self-harm in every form.
_SELF_HARM_VERBS = (
    "kill kills killed killing hang hangs hanging hanged stab stabs stabbed stabbing shoot shoots shooting"
    " poison poisons poisoned poisoning drown drowns drowned drowning starve starves starved starving"
    " strangle strangles strangled strangling unalive unalived unaliving"
    " cuts cutting slash slashes slashed slashing slice slices slicing harm harms harmed harming"
    " mutilate mutilates mutilated mutilating overdose overdoses overdosed overdosing"
    " throw throws threw throwing"
).split()
SELF_HARM += "".join(f" | {verb} {pronoun}" for verb in _SELF_HARM_VERBS for pronoun in _REFLEXIVE)
# "to end his life", "gun to her own head", "razor on her wrists".
SELF_HARM += "".join(
    f" | {phrase.format(p=p)}"
    for p in _POSSESSIVE
    for phrase in (
        "end {p} life",
        "ends {p} life",
        "ended {p} life",
        "ending {p} life",
        "take {p} life",
        "took {p} life",
        "to {p} own head",
        "against {p} own head",
        "to {p} temple",
        "gun to {p} head",
        "rifle to {p} head",
        "pistol to {p} head",
        "knife on {p} wrists",
        "knife on {p} wrist",
        "knife to {p} wrist",
        "knife to {p} wrists",
        "blade on {p} wrists",
        "blade on {p} wrist",
        "blade to {p} wrists",
        "razor on {p} wrists",
        "razor on {p} wrist",
        "razor to {p} wrists",
        "razor on {p} arms",
        "razor on {p} thighs",
        "cuts on {p} wrists",
        "cuts on {p} arms",
        "cuts on {p} thighs",
        "slits {p} wrists",
        "slitting {p} wrists",
        "slit {p} throat",
        "noose around {p} neck",
    )
)
SELF_HARM += (
    " | swallowing a bottle of pills | swallows a bottle of pills | swallowed a bottle of pills"  # en
    " | bottle of pills | handful of pills | swallowing pills | swallows pills | swallowed pills | overdosing"  # en
    " | jump in front of a train | jumped in front of a train | jumping in front of a train"  # en
    " | overdosed | od on pills | jump off a bridge | jumping off a bridge | jumps off a bridge"  # en
    " | jumped off a bridge | jumping off the roof to die | step in front of a train"  # en
    " | want to die | wants to die | wanna die | sewer slide | commit die | unalive | suicide note"  # en
    " | se matando | se matar | matar-se | se suicidar | se suicida | se suicidando | se enforcando"  # pt
    " | se enforcou | se cortando | se jogando da ponte | tirar a vida | tirou a vida"  # pt
    " | matandose | se suicida | se suicido | suicidarse | se suicidan | ahorcandose | se colgo"  # es
    " | cortandose las venas | se quiere morir | quitarse la vida"  # es
    " | si suicida | suicidarsi | si e suicidato | si e suicidata | si impicca | si sta uccidendo"  # it
    " | farla finita | togliersi la vita"  # it
    " | se suicide | se suicider | s est suicide | s est suicidee | se pend | se tue | se tuant | se taillade"  # fr
    " | se scarifie | se mutile | mettre fin a ses jours"  # fr
    " | bringt sich um | sich umbringen | sich das leben | erhangt sich | ritzt sich"  # de
    " | suizid | freitod | in den tod gesprungen | sich erschiessen"  # de
    " | убивает себя | убить себя | кончает с собой | режет вены"  # ru
    " | вскрывает вены | повешен* | вешается | выпиливается | самоубий*"  # ru
)
# "eyeball hanging out", "slicing a throat open": gore told with no word for a severed limb.
GORE += (
    " | eyeball hanging out | eyeballs hanging out | eye hanging out | eye popped out | eyeball popped out"  # en
    " | eyes gouged | gouged out | slicing a throat | slicing his throat | slicing her throat | slices a throat"  # en
    " | slices his throat | slices her throat | sliced his throat | sliced her throat | throat sliced"  # en
    " | throat slashed | slashed throat | slashing his throat | slashing her throat | slits a throat"  # en
    " | slitting a throat | slitting his throat | slitting her throat | throat open | throat ripped out"  # en
    " | throat torn out | face torn apart | face ripped apart | body torn apart | ripped to shreds"  # en
    " | torn to shreds | torn to pieces | ripped to pieces | blown to pieces | brains on the ice"  # en
    " | brains on the snow | guts on the ice | guts on the snow | head split open | skull split open"  # en
    " | skull smashed | smashed skull | head smashed in | caved in skull | skull caved in"  # en
    " | cranio esmagado | cabeca esmagada | miolos no gelo | miolos na neve | miolos espalhados"  # pt
    " | craneo aplastado | cabeza aplastada | sesos en el hielo | sesos en la nieve | le cortan la cabeza"  # es
    " | cranio fracassato | testa spappolata | cervello sul ghiaccio | cervello sulla neve"  # it
    " | crane ecrase | tete ecrasee | cervelle sur la glace | cervelle sur la neige"  # fr
    " | schadel zertrummert | zertrummerter schadel | hirn auf dem eis | gehirn auf dem schnee"  # de
    " | отрубили голову | отрубил голову | отрубила голову | отрезали голову | кишки на снегу"  # ru
    " | кишки на льду | мозги на льду | мозги на снегу | разбитый череп | размозженный череп"  # ru
    " | 首が切断 | 首を切断 | 首が飛ぶ | 首がもげ | 首をはね | 首を刎ね"  # ja
)
SEVERING += (
    " | torn apart | ripped apart | ripped out | torn out | gouged | smashed in"  # en
    " | sliced off | cut open | slit open | cracked open"  # en
    " | esmagado | esmagada | esmagados | esmagadas | arrancado | estourado"  # pt
    " | estourada | decepou"  # pt
    " | aplastado | aplastada | arrancado | reventado | reventada | destrozado"  # es
    " | destrozada | le cortaron | desgarrado | desgarrada"  # es
    " | schiacciato | schiacciata | fracassato | fracassata | strappato | strappata | staccato | staccata"  # it
    " | squarciato | aperto in due"  # it
    " | ecrase | ecrasee | arrache | arrachee | fracasse | fracassee"  # fr
    ""  # fr
    " | zertrummert | zertrummerte | zerschmettert | zerschmetterte"  # de
    " | zerfetzt | zerfetzte"  # de
    " | отруб* | отрезал* | отрезан* | оторв* | раздавлен* | размозж* | раскрошен* | вырван* | вырвал*"  # ru
    " | разорван* | расколот*"  # ru
    " | 切断され | 切り落とさ | もげ | 飛び散 | 潰れ | 砕け"  # ja
    " | 잘렸 | 잘린 | 잘려 | 으깨 | 뜯겨 | 찢겨"  # ko
)
BODY_PARTS += (
    " | eyeball | eyeballs | eye socket | temple | wrist | wrists | scalp | jawbone | ribs | rib | organs"  # en
    " | 首が | 首を | 首の | 頭が | 頭を | 指が | 指を | 手が | 足が | 顔が | 目玉"  # ja
    " | 목이 | 목을 | 머리가 | 머리를 | 손가락이 | 팔이 | 다리가"  # ko
    " | 头被 | 頭被 | 脑袋 | 腦袋 | 手被 | 腿被"  # zh
)
SEXUAL += (
    " | noodz | nudez | nudies | noods | nood pics | nude pics | nude pic | nude photos | nude photo"  # en
    " | touching herself | touching himself | touching themselves | touches herself | touches himself"  # en
    " | pleasuring herself | pleasuring himself | playing with herself | playing with himself"  # en
    " | fingering herself | jerking off | jacking off | jerks off | wanking | wank"  # en
    " | cumming | moaning in bed | in bed together naked"  # en
    " | fuck her | fuck him | fucks her | fucks him | fucked her | fucked him | fucking her | fucking him"  # en
    " | fucking each other | fuck each other | fucked by | getting fucked | gets fucked | being fucked"  # en
    " | si masturba | masturbandose"  # it es fr
    " | se masturbando | befriedigt sich | ласкает себя"  # pt de ru
    " | oben ohne | nacktfoto* | nacktbilder | nacktvideo"  # de
)
SUGGESTIVE += (
    " | stripping | striptease dance | pole dance | pole dancing | lap dance"  # en
    " | taking her top off | takes her top off | took her top off | taking off her top | takes off her top"  # en
    " | shirt off for the camera | twerking | twerks | booty shake | thirst trap | onlyfans style"  # en
    " | versaut | versaute | versautes | schlampe | schlampig sexy"  # de
    " | se desnudando | se desvistiendo | desvistiendose | quitandose la ropa | tirando a roupa | se despindo"  # es pt
    " | se deshabillant | enlevant son haut | spogliandosi | si spoglia | раздевается | снимает одежду"  # fr it ru
)
INNUENDO += (
    " | upskirt | up her skirt | under her skirt | lifting her skirt | curvy | tight leggings"  # en
    " | wet t-shirt | wet shirt"  # en
    " | heiss | heisse | heisser | heisses"  # de
)
REVEALING += (
    " | undies | knickers | in her undies | in his undies | sports bra only | just a towel"  # en
    " | only a towel | in a towel | wrapped in a towel | bra only | topless photo"  # en
)
# "black players are apes": a group word made of an adjective and a sport's people.
GROUPS += "".join(
    f" | {adjective} {people}"
    for adjective in (
        "black",
        "white",
        "asian",
        "jewish",
        "muslim",
        "gay",
        "lesbian",
        "trans",
        "arab",
        "african",
        "mexican",
        "immigrant",
        "foreign",
        "refugee",
        "gypsy",
        "roma",
        "latino",
    )
    for people in (
        "players",
        "skaters",
        "skiers",
        "snowboarders",
        "athletes",
        "people",
        "men",
        "women",
        "guys",
        "girls",
        "boys",
        "fans",
        "kids",
        "folks",
        "ones",
        "refs",
        "referees",
        "coaches",
        "teammates",
        "lugers",
        "jumpers",
        "hockey players",
        "figure skaters",
        "racers",
        "competitors",
        "members",
        "families",
        "workers",
    )
)
GROUPS += (
    " | negros | negras | pretos | pretas | crioulos | gays | bichas | sapatoes | travecos | transexuais"  # es pt
    " | maricas | gitanos | sudacas | panchitos | moros | judeus | ciganos"  # es pt
    " | trans | queers | homos | dykes | lgbtq | lgbtq+ | jewish folks | the gays | the jews | the muslims"  # en
)
VIOLENCE_CALLS += (
    " | should be banned | must be banned | need to be banned | should be beaten | should be beaten up"  # en
    " | deserve to be beaten | beat them up | should be lynched | lynch them"  # en
    " | should be hanged | should be locked up | lock them up | chase them off | chase them out"  # en
    " | kick them off | kick them out | kick them all out | throw them off | throw them out | get them out"  # en
    " | run them off | drive them out | ban them all | ban them | keep them out | are diseased"  # en
    " | are a mental illness | is a mental illness | mentally ill freaks | are perverts | are degenerates"  # en
    " | are an abomination | are abominations | are disgusting | are filth | filthy"  # en
    " | tirem eles | expulsem | fora com eles | fora daqui | devem ser banidos | sao doentes"  # pt
    " | echenlos | fuera con ellos | largo de aqui | deben ser prohibidos | son enfermos | son asquerosos"  # es
    " | cacciateli | fuori dai | vanno banditi | sono malati | fanno schifo"  # it
    " | virez les | chassez les | doivent etre bannis | sont malades | sont degoutants"  # fr
    " | schmeisst sie raus | jagt sie | jagt sie raus | raus aus | sind krank | sind ekelhaft | verpruegelt sie"  # de
    " | выгнать | выгоните | гнать их | вон из | они больные"  # ru
)
ALLOWED_PHRASES += "".join(
    f" | {verb} off {owner} {gear}"
    for verb in ("ripped", "rips", "ripping", "tore", "torn", "tears", "tearing", "pulled", "pulls", "yanked")
    for owner in ("the", "his", "her", "their", "a")
    for gear in ("glove", "gloves", "helmet", "goggles", "mask", "jersey", "bib", "cap", "hat", "skis", "boot")
)
ALLOWED_PHRASES += (
    " | se matando de treinar | se matando no treino | matandose a entrenar | matandose entrenando"  # pt es
    # "fuck" as an oath, not an act ("F*CK the cold", "fucking freezing").
    " | fuck the | f the cold | fuck this | fuck that | fuck yeah | fuck it | fuck off | fuck you | what the fuck"  # en
    " | fucking cold | fucking freezing | fucking great | fucking awesome | fucking amazing | fucking insane"  # en
    " | fucking fast | fucking steep | fucking finally | fucked up | fucking up | fuck up | fucks up"  # en
    " | stripping skins | strip skins | stripping the skins | strips the skins | skins off"  # en
    " | die arme hoch | arme hoch | reisst die arme hoch | streckt die arme | arme in die luft"  # de
    " | как кровь | красный как кровь | кроваво красный"  # ru en
    " | bending over the skis | bends over the skis"  # en
    " | blade slicing through the ice | slicing through the ice | slicing through the snow | sliced through"  # en
)
# Ambiguous naked words and people (README.md: nudity_ambiguous, people) of the first ten languages.
NAKED_AMBIGUOUS = "nuda | nudo | nudi | nua | nuas | pelada | peladas | pelado | pelados"  # it pt es
PEOPLE = (
    "woman | women | girl | girls | man | men | guy | guys | lady | model | athlete | athletes | skier | skiers"  # en
    " | skater | skaters | snowboarder | snowboarders | player | players | racer | luger | biathlete"  # en
    " | donna | donne | ragazza | ragazze | ragazzo | uomo | sciatric* | sciator* | pattinatric* | pattinator*"  # it
    " | atleta | atlete | giocatric* | campionessa | modella | slittinista | snowboardista"  # it
    " | mulher | mulheres | menina | moca | garota | garotas | homem | patinador* | esquiador* | jogador*"  # pt
    " | modelo | snowboarder* | surfista"  # pt
    " | mujer | mujeres | chica | chicas | chico | hombre | patinador* | esquiador* | jugador* | deportista"  # es
    " | femme | fille | patineuse | skieuse | joueuse | athlete"  # fr
    " | frau | madchen | skifahrerin | eislauferin | spielerin | sportlerin"  # de
    " | девушк* | женщин* | лыжниц* | фигуристк* | конькобежк* | спортсменк* | хоккеист*"  # ru
)

NAKED_AMBIGUOUS += " | 裸"  # ja: "裸の" + a person; 裸足 (barefoot) and 裸眼 are allowed phrases
PEOPLE += (
    " | スノーボーダー | スケーター | スキーヤー | 選手 | 女性 | 男性 | 女の子 | 男の子 | 少女 | 女 | 男"  # ja
    " | 女孩 | 女生 | 女人 | 男人 | 运动员 | 運動員 | 选手 | 選手 | 滑雪者"  # zh
)
ALLOWED_PHRASES += " | 裸足 | 裸眼 | 赤裸々 | 裸一貫"  # ja
SEXUAL += (
    " | アダルト動画 | アダルト映像 | エロ動画 | 裸の写真 | ヌード写真"  # ja
    " | 옷을벗은 | 옷벗은 | 다벗은 | 홀딱벗은 | 벌거벗은"  # ko
)
GORE += (
    " | 切断された死体 | 切断死体 | バラバラ遺体 | 절단된시체 | 잘린시체 | 토막시체 | gekopft* | gekoepft*"  # ja ko de
)
SUGGESTIVE += (
    " | в откровенной позе | откровенной позе | откровенная поза | откровенные позы | откровенно позирует"  # ru
    " | senza niente addosso | niente addosso | sin nada puesto | sem nada no corpo"  # it es pt
)
VIOLENCE += (
    " | golpeando | golpean | golpearon | golpeo | agreden | agredieron | pegando | le pegan"  # es
    " | beating each other | beating each other up | beat each other up | beating up | attacking the referee"  # en
    " | с автоматом | с пистолетом | с ножом"  # ru (weapons flag below)
)
WEAPONS += " | с автоматом | автомат калашникова | автоматом"  # ru
REVEALING += " | so de cueca | de cueca | cueca | so de calcinha"  # pt

# "celebrate the Führer": Hitler's title in a fan's clip is hate, as "Heil Hitler" is.
HATE_SYMBOLS += "".join(
    f" | {verb} the {title}"
    for verb in ("celebrate", "celebrating", "salute", "saluting", "hail", "heil", "for", "glory to", "praise")
    for title in ("fuhrer", "fuehrer")
)
HATE_SYMBOLS += " | mein fuhrer | mein fuehrer | heil dem fuhrer | viva il duce | sieg heil salute"  # en de it

# Dehumanising words for a group: blocked with a `groups` word in one window, as a call for violence is ("Roma
# drawn as rats"). Words that are also sport praise (beast, animal, monster, machine, savage) are not listed bare.
DEHUMANISING = (
    "rats | vermin | cockroaches | roaches | parasites | apes | monkeys | pigs | swine | lice | maggots | leeches"  # en
    " | locusts | subhuman | subhumans | terrorists | perverts | degenerates | scum | filth | dumb animals"  # en
    " | a disease | a plague | like a plague | an infestation | are trash | human trash | are garbage"  # en
    " | belong in the kitchen | drawn as animals | shown as animals | show them as animals | greedy rats"  # en
    " | ratti | topi | scarafaggi | parassiti | scimmie | maiali | porci | pidocchi | vermi | zecche | feccia"  # it
    " | subumani | terroristi | pervertiti | degenerati | una malattia | una piaga"  # it
    " | rats | vermine | cafards | parasites | singes | porcs | poux | cancrelats | racaille | sous-hommes"  # fr
    " | terroristes | pervers | degeneres | une maladie | une peste"  # fr
    " | ratten | ungeziefer | kakerlaken | parasiten | affen | schweine | lause | maden | zecken | abschaum"  # de
    " | untermenschen | terroristen | perverse | eine seuche | eine krankheit"  # de
    " | ratas | alimanas | cucarachas | parasitos | monos | simios | cerdos | puercos | piojos | gusanos"  # es
    " | garrapatas | escoria | una plaga | una enfermedad | infrahumanos | terroristas | pervertidos"  # es
    " | degenerados"  # es
    " | ratos | ratazanas | vermes | baratas | parasitas | macacos | porcos | piolhos | carrapatos | escoria"  # pt
    " | uma praga | uma doenca | terroristas | pervertidos | degenerados"  # pt
    " | крысы | крыс | крысами | тараканы | тараканов | паразиты | паразитов | обезьяны | обезьян | свиньи"  # ru
    " | вши | чума | отбросы | нелюди | террористы | террористов | террористами | извращенцы"  # ru
    " | 老鼠 | 蟑螂 | 寄生虫 | 寄生蟲 | 猴子 | 猩猩 | 害虫 | 害蟲 | 瘟疫 | 恐怖分子 | 变态 | 變態 | 畜生"  # zh
    " | ネズミ | ゴキブリ | 寄生虫 | 猿 | 豚ども | 害虫 | 疫病 | テロリスト | 変態ども"  # ja
    " | 쥐새끼 | 바퀴벌레 | 기생충 | 원숭이 | 돼지들 | 해충 | 전염병 | 테러리스트 | 변태들"  # ko
)
GROUPS += (
    " | gay | gay team | gays | from africa | african | muslim team | jewish skiers"  # en
    " | negros | negras | colectivo arcoiris | colectivo lgtb | colectivo lgbt | lgtb | lgbtq"  # es
    " | negri | negre | neger | pretos | 非洲来的 | 非洲來的 | 非洲 | 穆斯林选手 | 穆斯林選手"  # it fr de pt zh
)
# Hate symbols described rather than named: a burning cross and a pointed hood, the sun wheel, "race war".
HATE_SYMBOLS += (
    " | burning a cross | burns a cross | burned a cross | burning cross | burning crosses | pointy hood"  # en
    " | pointed hood | pointy white hood | sun wheel | sun wheel flag | race war | racial holy war"  # en
    " | hitler was right | hitler did nothing wrong | white race | white race first | one four eight eight"  # en
    " | fourteen eighty eight | fourteen eighty-eight | monkey gesture | monkey gestures | ape gestures"  # en
    " | globalist bankers"  # en
    " | razza bianca | guerra razziale | hitler aveva ragione | croce celtica e 88 | versi della scimmia"  # it
    " | race blanche | guerre raciale | hitler avait raison | cris de singe | gestes de singe"  # fr
    " | weisse rasse | rassenkrieg | hitler hatte recht | affenlaute | affengerausche | affengesten"  # de
    " | raza blanca | guerra racial | hitler tenia razon | gestos de mono | sonidos de mono | gritos de mono"  # es
    " | raca branca | guerra racial | hitler tinha razao | gesto de macaco | gestos de macaco | sons de macaco"  # pt
    " | imitando macaco"  # pt
    " | белая раса | расовая война | гитлер был прав | обезьяньи звуки | обезьяньи жесты"  # ru
    " | 白人种族 | 种族战争 | 種族戰爭 | 希特勒是对的 | 希特勒是對的"  # zh
)
SEXUAL += (
    " | orgy | orgies | group sex | horny | going at it in | going at it on | banging in | smashing in the"  # en
    " | coppia che scopa | che scopa | che scopano | orgia | orgie | ammucchiata"  # it
    " | orgie | partouze | orgia | orgias | orgia en | cachondos"  # fr es
)
SUGGESTIVE += (
    " | seminuda | seminudo | seminude | seminudi | semi nuda | semidesnuda | seminue | halbnackt"  # it es fr de
)
SELF_HARM += (
    " | gewehr gegen sich | waffe gegen sich | pistole gegen sich | gewehr auf sich | waffe auf sich"  # de
    " | acabar com tudo | se joga do | se jogar do | se atira do | se jogou do penhasco"  # pt
    " | acabar con todo | se tira del | tirarse del | se lanza al vacio"  # es
    " | en finir | pour en finir | se jette du haut"  # fr
)
GORE += (
    " | head comes clean off | head came clean off | head comes off | head came off | head flies off"  # en
    " | head flew off | head rolling | slicing through his throat | slices through his throat"  # en
    " | slicing through a | throat in slow motion | through his throat | through her throat"  # en
)
MINORS += " | 國中女生 | 国中女生 | 國中男生 | 国中男生 | loli | lolis | shota"  # zh en

# "costum nude", "nude-coloured tights": nude as a colour beside a costume or colour word ("a nude body" stays).
_COSTUME = (
    "costume leotard tights bodysuit colour color shade tone heels shoes lipstick skintone"  # en
    " costum costumul rochie colanti culoare nuanta"  # ro
    " kostum kostym trikot strumpfhose farbe farbton kleid"  # de
    " maillot collant couleur robe"  # fr
    " vestito calze colore tonalita tuta"  # it
    " traje vestido malla medias tono"  # es
    " fantasia maio"  # pt
    " kostium rajstopy kolor odcien sukienka"  # pl
    " saty puncochace barva odstin"  # cs
    " jelmez harisnya szinu dressz"  # hu
    " kostuum pakje panty kleur jurk"  # nl
).split()
# A colour comes after the garment in most languages of the site and before it in English and German.
ALLOWED_PHRASES += "".join(f" | {w} {n} | {n} {w}" for w in _COSTUME for n in ("nude", "nud", "nudo", "nuda", "nue"))
ALLOWED_PHRASES += "".join(f" | {w} {p} nude" for w in _COSTUME for p in ("in", "de", "di", "en", "w", "v"))

# A killing verb and a reflexive a few words apart are self-harm ("sich absichtlich umbringt", "se po závodě
# zastřelí"). English says the reflexive after any verb ("pushing herself, killing the climbs"), so its forms stay
# the adjacent phrases above; Romance clitics stand right before the verb and are phrases too.
SELF_HARM_VERBS = (
    "umbringen | umbringt | umgebracht | erschiessen | erschiesst | erschoss | erschossen | erhangen | erhangt"  # de
    " | erhangte | erstechen | ersticht | vergiften | vergiftet"  # de
)
REFLEXIVES = "sich | sich selbst | mich | mich selbst | dich | dich selbst"  # de: "ich will mich ... umbringen"
SELF_HARM += "".join(
    f" | {weapon} on {pronoun} | {weapon} against {pronoun} | {weapon} at {pronoun}"
    for weapon in ("rifle", "gun", "pistol", "revolver")
    for pronoun in _REFLEXIVE
)
SELF_HARM += (
    " | si uccide | si e ucciso | si e uccisa | si ammazza | si e ammazzato | si impicca | si e impiccato"  # it
    " | si e impiccata | si spara un colpo | uccidersi | ammazzarsi | impiccarsi"  # it
    " | se tue | s est tue | s est tuee | se pend | s est pendu | s est pendue | se tire une balle"  # fr
    " | se mata | se mato | se ahorca | se ahorco | matarse | ahorcarse | se pega un tiro"  # es
    " | se matou | se enforca | se enforcou | matar-se | enforcar-se | se dar um tiro"  # pt
    " | bringt sich um | brachte sich um | bringt sich absichtlich um"  # de
)
# Cold said to kill ("a cold that kills you", "un froid qui tue"): a violent word beside it is an intensifier.
WEATHER = (
    "cold | freezing | frost | chill | the cold | freddo | froid | kalte | frio | helada"  # en it fr de es pt
    " | холод | мороз | холодно | 冷 | 寒さ | 寒い | 추위"  # ru zh ja ko
)

# ---- round 7 (issue 14): families of phrasings rather than the words of one prompt
# ------------------------------------------------------------------------------
# Sex acts said with euphemisms and slang ("horizontal tango", "at it like rabbits", "humping on the ice").
SEXUAL += (
    " | horizontal tango | horizontal mambo | horizontal refreshment | bumping uglies | bump uglies"  # en
    " | knocking boots | knock boots | at it like rabbits | at it like bunnies | like rabbits in"  # en
    " | humping | dry humping | dry hump | crotchless | strip tease | strip-tease | strip show | rule34"  # en
    " | rule 34 | rule 34 of | rule 34 version | rule 34 art | stripping down to nothing | strips down to nothing"  # en
    " | strip down to nothing | stripped down to nothing"  # en
    # A pictured egg-plant or peach beside a splash (the _EMOJI map in safety.py writes them out): a sexual code.
    " | eggplant spicy splash | splash spicy eggplant | peach spicy eggplant | eggplant spicy peach"  # emoji
    " | video de cul | film de cul | photo de cul | photos de cul | film x | video x | films x | videos x"  # fr
    " | couchent ensemble | couchant ensemble | ont couche ensemble | s envoyer en l air | s envoient en l air"  # fr
    " | treibt es mit ihm | treibt es mit ihr | treiben es miteinander | trieben es miteinander"  # de
    " | a luci rosse"  # it
    " | echando un polvo | echar un polvo | echan un polvo"  # es
    " | dando uma rapidinha | dar uma rapidinha | dando uma trepada"  # pt
    " | занимаются любовью | заниматься любовью | перепихнуться | перепихон"  # ru
    " | 滚床单 | 滾床單 | 车震 | 車震"  # zh
)
# "Rule 34" of a rulebook (sport has them) stays allowed; the meme is the only other reading.
ALLOWED_PHRASES += " | under rule 34 | rule 34 of the fis | rule 34 of the isu | rule 34 of the ibu"  # en
# Read as sexual only next to an adults-only cue ("doing the deed, uncensored"; "did the deed" is also a win).
SEX_SLANG += (
    " | doing the deed | do the deed | did the deed | getting it on | get it on | show everything"  # en
    " | shows everything | showing everything | eggplant"  # en
    " | se fait prendre | se faire prendre | se font prendre | tout montrer | montre tout"  # fr
    " | mostra tutto | alles zeigen | zeigt alles | mostrando todo | ensena todo | mostra tudo"  # it de es pt
)
# Adults-only cues in their common spellings ("x-rated", "version x", "🔞" is read as 18+).
EXPLICIT_CUES += (
    " | x rated | x-rated | xrated | rated r version | version x | classe x"  # en fr
    " | vietato ai minori di 18 | version para mayores | solo mayores | so para maiores"  # it es pt
    " | ab 18 version | 18 плюс версия"  # de ru
)
# Undressing and a body on show: flagged alone, blocked next to a minor, a real person or an adults-only cue.
SUGGESTIVE += (
    " | undresses | undresses for | undressing for | strips for the camera | clothes off | clothes come off"  # en
    " | clothes coming off | takes her clothes off | takes off her clothes | bodies tangled | tangled bodies"  # en
    " | zooming on her chest | zooms on her chest | zooming in on her chest | zoom on her chest"  # en
    " | close up of her chest | close-up of her chest | camera on her chest | without her race suit"  # en
    " | without her suit | without his race suit | without her clothes | without his clothes"  # en
    " | se deshabille devant | enleve ses vetements | zoom sur sa poitrine"  # fr
    " | zieht sich komplett aus | zieht sich nackt aus | ohne ihren rennanzug"  # de
    " | si spoglia | si strusciano | zoom sul seno | se quita la ropa"  # it es
    " | zoom a su pecho | tira a roupa | zoom no peito"  # es pt
    " | раздевается | снимает одежду | крупным планом грудь"  # ru
    " | 脱衣服 | 脫衣服 | 脱掉衣服 | 脫掉衣服 | 特写胸部 | 特寫胸部"  # zh
    " | 服を脱 | 脱ぎ始め | 胸をアップ"  # ja
    " | 옷을벗 | 가슴을클로즈업"  # ko
)
# A see-through leotard is revealing; a streaker (someone naked on the field of play) too.
REVEALING += (
    # Not "sheer" or "transparent" costumes: a skin-coloured illusion mesh is ordinary skating wear.
    " | see-through leotard | see through leotard | streaker | streakers"  # en
    " | cul nu | fesses a l air | fesses nues"  # fr
    " | прозрачном купальнике | прозрачный купальник"  # ru
)
# Read as suggestive only next to a minor: a kiss, a night alone, horniness.
INNUENDO += (
    " | making out | romantic night | frisky | pomiciano"  # en it
    " | gets frisky | getting frisky"  # en
    " | cachonda | cachondo | calentona | se besan apasionadamente"  # es
    " | si baciano appassionatamente | notte romantica | s embrassent passionnement | nuit romantique"  # it fr
    " | knutschen | knutscht | romantische nacht | se pegando | noite romantica"  # de pt
    " | целуются | романтическая ночь | いちゃいちゃ | イチャイチャ"  # ru zh ja ko
)
# A few more words for a child ("юная фигуристка" is a girl in the junior ranks).
MINORS += " | chavita | chavito | юная | юную | юной | юный | юные"  # es ru
# Groups named with an adjective and an athlete ("the Black bobsledders", "Asian speed skaters"): read only
# beside a dehumanising word or a call for violence, like every group word.
_GROUP_ADJECTIVES = "black asian jewish muslim arab african chinese gay trans transgender mexican indian".split()
_ATHLETES = (
    "athlete athletes skater skaters skier skiers player players goalie goalies goalkeeper bobsledder bobsledders"
    " snowboarder snowboarders speed skaters hockey player hockey players kid kids boy boys girl girls guy guys"
    " fans curler curlers lugers"
).split(" ")
GROUPS += "".join(f" | {adjective} {noun}" for adjective in _GROUP_ADJECTIVES for noun in _ATHLETES)
GROUPS += (
    " | trans woman | trans women | transwoman | transwomen | trans man | trans men | disabled athletes"  # en
    " | disabled skiers | para skiers | para athletes | para skaters | paralympians | wheelchair users"  # en
    " | amputees | the handicapped | handicapped people | autistic kids | men who like men | who like men"  # en
    " | chico negro | chica negra | jugador negro | patinador negro | esquiador negro | portero negro"  # es
    " | jugadores negros | atletas negros | deportistas negros | personas trans | discapacitados"  # es
    " | ragazzo nero | giocatore nero | atleti neri | persone trans | disabili"  # it
    " | joueur noir | athletes noirs | personnes trans | handicapes"  # fr
    " | schwarzer spieler | schwarze spieler | transfrauen | behinderte"  # de
    " | jogador negro | atletas negros | pessoas trans | deficientes | travestis"  # pt
    " | трансы | трансгендеры | инвалиды | темнокожие"  # ru
    " | 外劳 | 外勞 | 外籍劳工 | 外籍勞工 | 移工 | 跨性别 | 跨性別 | 残疾人 | 殘疾人"  # zh
    " | 障害者 | トランス女性 | 장애인 | 트랜스여성"  # ja ko
)
# A group shown as animals, filth, disease or a burden; a gesture or a thrown banana.
DEHUMANISING += (
    " | shown as monkeys | drawn as monkeys | as monkeys | bananas at | throwing bananas | threw bananas"  # en
    " | banana peels at | bat soup | bat eaters | dog eaters | plague carriers | yellow plague | yellow peril"  # en
    " | disease carriers | virus carriers | useless vegetables | are vegetables | like vegetables | freak show"  # en
    " | as a freak | shown as a freak | freak in a dress | man in a dress | is no woman | not a real woman"  # en
    " | not a real man | isn t a real woman | mongrels | retards | useless eaters"  # en
    " | are a virus | chained to the kitchen | chained to the stove | back to the kitchen"  # en
    " | back in the kitchen | barefoot and pregnant | make me a sandwich"  # en
    " | imitando a monos | imitan a monos | lanzando platanos | tiran platanos | no son personas"  # es
    " | no son humanos | vegetales inutiles"  # es
    " | nao e gente | nao sao gente | nao sao humanos | nao e humano | imitando macacos | jogando bananas"  # pt
    " | atirando bananas | lugar de mulher e na cozinha"  # pt
    " | non sono persone | non sono umani | lanciano banane | tornate in cucina"  # it
    " | ne sont pas des humains | ne sont pas des gens | jettent des bananes"  # fr
    " | sind keine menschen | werfen bananen | zuruck an den herd"  # de
    " | не люди | не человек | а животные | бросают бананы | кидают бананы"  # ru
    " | 都是病毒 | 是病毒 | 都不是人 | 根本不是人 | 扔香蕉 | 丢香蕉 | 吃蝙蝠 | 病毒携带者 | 病毒攜帶者"  # zh
    " | 人間じゃない | バナナを投げ | 인간이아니 | 바나나를던지"  # ja ko
)
# Expulsion chants and exclusion: blocked beside a group word ("X should be driven out of the rink").
VIOLENCE_CALLS += (
    " | don t belong on | do not belong on | doesn t belong on | should be driven out | must be driven out"  # en
    " | drive them out | drive them off | driven out of the | chase them out | chase them off | throw them out"  # en
    " | kick them out | kick them off | get them off the | should have been put down | put down at birth"  # en
    " | should be put down | should have been aborted | don t deserve to live | do not deserve to exist"  # en
    " | cacciateli"  # it
    " | non meritano di vivere | non meritano di esistere | non meritano di pattinare | non meritano di sciare"  # it
    " | dehors de la patinoire | chassez les | virez les | foutez les dehors"  # fr
    " | jagt sie raus | schmeisst sie raus"  # de
    " | echadlos | echenlos | que se larguen"  # es
    " | expulsem | chutem eles"  # pt
    " | гоните их | гнать их | выгоните их | вон с катка | вон их | гоните с катка"  # ru
    " | 赶出去 | 趕出去 | 滚出去 | 滾出去 | 追い出"  # zh ja ko
)
# Symbols and codes described rather than named: a pointed white hood and a burning cross, a black sun on a flag,
# "Aryan" purity, "whites only", the slant-eyed gesture.
HATE_SYMBOLS += (
    " | pointed hoods | pointy hoods | pointy white hoods | pointed white hoods | white pointed hoods"  # en
    " | setting a cross on fire | sets a cross on fire | set a cross on fire | set fire to a cross"  # en
    # Not "cross on fire" alone: ski cross and snowboard cross are events, and "on fire" is praise.
    " | cross set on fire | torching a cross | flag with a black sun | banner with a black sun"  # en
    " | flags with a black sun | black sun banner | black sun banners | black sun flags | black sun logo"  # en
    " | pure aryan | aryan race | aryan athletes | aryan blood | aryan team | aryans only | master race"  # en
    " | race mixing | racial purity | pure white athletes | pure white race"  # en
    " | whites only | white people only | white athletes only | white skaters only | white skiers only"  # en
    " | all white team only | only white athletes | only white skiers | only white players | keep skiing white"  # en
    " | keep hockey white | keep the sport white | fourteen words on | 14 words on"  # en
    " | no dogs no | no gypsies | no jews allowed | no blacks allowed | slanted eye faces | slanted-eye faces"  # en
    " | slant eye faces | slant eye gesture | slanted eye gesture | pulling slanted eyes"  # en
    " | cappucci bianchi a punta | cappucci a punta | croce in fiamme | croce infuocata | razza ariana"  # it
    " | sole nero sulla bandiera"  # it
    " | cagoules pointues | croix en feu | croix enflammee | race aryenne"  # fr
    " | reserve aux blancs | soleil noir sur le drapeau"  # fr
    " | spitze kapuzen | brennendes kreuz | brennende kreuze | arische rasse | arier"  # de
    " | nur fur weisse | herrenrasse | schwarze sonne auf der fahne"  # de
    " | capuchas puntiagudas | cruz en llamas | cruz ardiendo | raza aria"  # es
    " | sol negro en la bandera | ojos rasgados con los dedos"  # es
    " | capuzes pontudos | cruz em chamas | raca ariana"  # pt
    " | остроконечные колпаки | горящий крест | арийская раса | чистые арийцы"  # ru
    " | 尖顶白头罩 | 尖頂白頭罩 | 燃烧的十字架 | 燃燒的十字架 | 雅利安 | 只限白人"  # zh
    " | 燃える十字架 | アーリア人 | 白人専用 | 불타는십자가 | 아리아인 | 백인전용"  # ja zh ko
)
# Self-harm said softly: to sleep or freeze and never wake, a handful of pills, to disappear for ever.
SELF_HARM += (
    " | never get up again | never wake up again | never to wake up | go to sleep forever"  # en
    " | lies down in the snow to freeze | lie down in the snow to die | freeze to death on purpose"  # en
    " | swallows all the pills | swallowed all the pills | swallows a bottle of pills"  # en
    " | a bottle of sleeping pills"  # en
    " | handful of sleeping pills | overdose of sleeping pills | overdoses on sleeping pills"  # en
    " | wants to disappear forever | want to disappear forever | wants to stop living"  # en
    " | ties a noose | tying a noose | tied a noose | ties the noose | tying the noose"  # en
    " | ne plus jamais se reveiller | ne jamais se reveiller | avale des cachets | avale tous les cachets"  # fr
    " | avale des somniferes | veut disparaitre pour toujours | ne veut plus vivre"  # fr
    " | nicht mehr aufwachen | nie wieder aufwachen | schluckt alle tabletten | schluckte alle tabletten"  # de
    " | schluckt schlaftabletten | will nicht mehr leben | fur immer verschwinden will"  # de
    " | non svegliarsi piu | mai piu svegliarsi | ingoia tutte le pillole | ingoia i sonniferi"  # it
    " | non vuole piu vivere | vuole sparire per sempre"  # it
    " | no despertar nunca | no volver a despertar | toma todas las pastillas | se toma todas las pastillas"  # es
    " | quiere desaparecer para siempre | ya no quiere vivir | se lanza del telesilla"  # es
    " | se tira del telesilla"  # es
    " | nunca mais acordar | nao acordar mais | toma todos os comprimidos | engole todos os comprimidos"  # pt
    " | quer desaparecer para sempre | nao quer mais viver"  # pt
    " | больше не проснуться | никогда не проснуться | наглотался таблеток | наглоталась таблеток"  # ru
    " | выпил все таблетки | выпила все таблетки | больше не хочет жить | не хочет больше жить"  # ru
    " | 永远不醒 | 永遠不醒 | 吞安眠药 | 吞安眠藥 | 吞下所有药"  # zh
    " | 二度と目覚め | 睡眠薬を大量 | 薬を大量に飲 | 영원히잠들 | 수면제를한꺼번에"  # ja ko
)
# Gore described: brains spilt, a body cut in two, a finger cut clean off.
GORE += (
    " | blood and brains | brains everywhere | brain matter | brains on the ice | brains on the snow"  # en
    " | sangue e cervello | cervella sparse"  # it
    " | sang et cervelle | se fait trancher la gorge | trancher la gorge"  # fr
    " | blut und hirn | sangre y sesos"  # de es
    " | sangue e miolos"  # pt
    " | кровь и мозги | разрезало пополам | разрезан пополам"  # ru
    " | 被切成两半 | 被切成兩半 | 内脏流 | 內臟流 | 内脏外露 | 內臟外露 | 内脏散落 | 內臟散落"  # zh
)
BODY_PARTS += " | thumb | thumbs | toenail | fingernail"  # en
SEVERING += (
    " | cut clean off | sliced clean off | chopped clean off | cut off by a blade | cut off by the blade"  # en
    " | trancher | tranchee | tranchees | tranches | coupe net"  # fr
    " | отрезает | отрезали | отрубает | отрубили"  # ru
)
# Flags: weapons, blows and political banners named in the per-set misses of these languages.
WEAPONS += (
    " | maschinenpistole | maschinenpistolen | jagdmesser | kampfmesser | fusil de asalto | fusiles de asalto"  # de es
)
VIOLENCE += (
    " | kicks him while he s down | kicking him while he s down | kicks her while she s down | hits the referee"  # en
    " | hit the referee | throws a bottle at | shoves a rival off | shoves him off the course"  # en
)
POLITICAL += (
    " | protesting the war | against the war | against the government | campaign t-shirt | campaign shirt"  # en
    " | campagne electorale | gegen die regierung | gegen den krieg | портретом президента"  # fr de ru
    " | портрет президента | антивоенн* | против войны | против правительства"  # ru
)
# Idioms and sport words that contain a listed word.
ALLOWED_PHRASES += (
    " | blood sweat and tears | nackte angst | nackter angst | nackten angst | nackte wahrheit"  # en de
    " | nackten tatsachen | nackte zahlen | paliza historica"  # de es
    # "Wants to stop living" is self-harm; "stop living in hotels" is an athlete's season.
    " | stop living in | stop living out of | stop living at | stops living in | stopped living in"  # en
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
    "body_parts": "BODY_PARTS",
    "severing": "SEVERING",
    "innuendo": "INNUENDO",
    "sex_slang": "SEX_SLANG",
    "explicit_cues": "EXPLICIT_CUES",
    "nudity_ambiguous": "NAKED_AMBIGUOUS",
    "people": "PEOPLE",
    "dehumanising": "DEHUMANISING",
    "self_harm_verbs": "SELF_HARM_VERBS",
    "reflexives": "REFLEXIVES",
    "weather": "WEATHER",
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


@functools.cache
def real_people_file() -> list[str]:
    """The names in ``real_people.txt`` (one a line, ``#`` comments)."""
    lines = (Path(__file__).resolve().parent / "real_people.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def terms(category: str) -> list[str]:
    """Every term of one category: the lists above, every language's file and, for real people, the name list."""
    legacy = [t.strip() for t in globals()[CATEGORIES[category]].split("|") if t.strip()]
    names = real_people_file() if category == "real_people" else []
    return legacy + names + [t for data in language_files().values() for t in data.get(category, [])]
