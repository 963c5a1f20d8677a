"""Term lists for :mod:`.safety`, by category: the per-language files beside this module (``<code>.toml``, see
README.md) plus the lists below. Modest on purpose, reviewed by moderators; add a term together with a test that
shows why. The lists below hold language-independent names (athletes, celebrities, political figures) and the
first ten languages (en, it, fr, de, es, pt, ru, zh, ja, ko) until they move to their own files.

Syntax is :mod:`.lexicon`'s (``*`` = prefix, CJK = substring). Latin terms are matched as whole tokens, so
"sex" never matches "Sussex" and "anal" never matches "analysis". Slurs are listed because a filter that
cannot name them cannot find them; they appear nowhere else in the code base.
"""

from __future__ import annotations

import functools
import tomllib
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
    " | nuda | nudi | sesso | sessuale | pornografi* | spogliat*"  # it
    " | nue | nues | sexe | sexuel | sexuelle | erotique | deshabille*"  # fr
    " | nackt* | sexuell* | erotisch* | ausgezogen"  # de
    " | desnud* | sexo | erotico | erotica"  # es
    " | nua"  # pt
    " | голая | голый | голые | порно* | секс | секса | сексом | эротик* | обнажен*"  # ru
    " | 色情 | 裸体 | 裸體 | 裸照 | 全裸 | 性爱 | 性愛 | 做爱 | 做愛 | 黄片 | 成人片 | 脱光 | 脫光 | 一丝不挂"
    " | 一絲不掛"  # zh
    " | ヌード | エロ | ポルノ | セックス | 性行為 | 裸の | 無修正"  # ja
    " | 누드 | 나체 | 알몸 | 야한 | 포르노 | 섹스 | 성행위"  # ko
)
GORE = (
    "gore | gory | decapitat* | behead* | dismember* | disembowel* | eviscerat* | entrails | mutilat*"
    " | severed head | severed heads | severed limbs | bloodbath | blood bath"
    " | smembrat* | sbudellat* | decapit* | demembr* | eventr* | mutil* | enthauptet* | zerstuckel*"
    " | ausgeweidet* | verstummel* | desmembrad* | destripad* | estripad* | обезглав* | расчлен* | выпотрош*"
    " | 斩首 | 斬首 | 肢解 | 血肉模糊 | 开膛 | 開膛 | 碎尸 | 碎屍 | 爆头 | 爆頭 | 首切り | 内臓"
    " | バラバラ死体"
    " | 惨殺 | 참수 | 내장이 쏟아 | 토막 살인 | 시체 훼손"
)
SELF_HARM = (
    "unalive | unalived | unaliving | unalive himself | unalive herself | unalive myself | kms | kys"
    " | suicide | suicidal | kill myself | killing myself | kill herself | kill himself | self harm | self-harm"
    " | selfharm | cut myself | cutting myself | hang myself | slit my wrists | end my life"
    " | suicid* | uccidermi | autolesion* | me tuer | automutil* | selbstmord* | suizid* | mich umbringen"
    " | matarme | me matar | суицид* | самоубийств* | убить себя | покончить с собой | самоповрежд*"
    " | 自杀 | 自殺 | 割腕 | 自残 | 自殘 | 轻生 | 輕生 | 跳楼 | 跳樓 | 自傷 | リストカット | リスカ | 首吊り"
    " | 자살 | 자해"
)
SLURS = (
    "nigger | niggers | nigga | niggas | faggot | faggots | fag | fags | kike | kikes | chink | chinks | spic"
    " | spics | wetback | wetbacks | gook | gooks | tranny | trannies | raghead | ragheads"
    " | paki | pakis | frocio | froci | ricchione | bougnoule | youpin | negre | negres | kanake | kanaken"
    " | neger | schwuchtel | maricon | maricones | sudaca | sudacas | viado | жид | жиды | жидов | хач | хачи"
    " | чурка | пидор* | 支那 | 黑鬼 | 死基佬 | 日本鬼子 | 阿三 | ニガー | チョン公 | 쪽바리 | 짱깨 | 깜둥이"
    " | 똥남아"
)
# A call for violence against a group is a call term AND a group term in the same prompt.
VIOLENCE_CALLS = (
    "kill all | death to | exterminate | extermination | gas the | must die | should die | wipe them out"
    " | morte agli | morte ai | morte alle | sterminare | uccidete | mort aux | tuez les | exterminer"
    " | tod den"
    " | totet alle | vernichtet | muerte a | matad a | exterminar | morte aos | matem os | смерть"
    " | убить всех"
    " | уничтожить всех | 杀光 | 殺光 | 去死 | 灭绝 | 滅絕 | 殺せ | 死ね | 皆殺し | 죽여라 | 죽어라 | 몰살"
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
)

# ---- blocked only in combination
# ------------------------------------------------------------------------------
SUGGESTIVE = (
    "sexy | seductive | seductively | seducing | sensual | sensually | provocative | provocatively | sultry"
    " | posing suggestively | suggestively | flirty | flirtatious | lingerie | thong | busty | in underwear"
    " | in her underwear"
    " | sensuale | provocante | sensuel | sensuelle | aguichant* | verfuhrerisch* | reizwasche | lenceria"
    " | сексуальн* | соблазнит* | 性感 | 诱惑 | 誘惑 | 撩人 | セクシー | 色っぽい | 섹시 | 야릇"
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
    " | ビール | 酒を | 酔っ | 맥주 | 소주 | 술을 | 술 마시"
)
POLITICAL = (
    "swastika | nazi | nazis | hitler | isis | hammer and sickle | confederate flag | kkk | trump | putin"
    " | xi jinping | zelensky | election | protest | propaganda | free tibet | hakenkreuz | 卍 | 纳粹 | 納粹"
    " | 希特勒 | 习近平 | 習近平 | 台独 | 台獨 | 藏独 | ナチス | ヒトラー | 나치 | 히틀러 | свастик*"
    " | нацист*"
    " | гитлер* | путин*"
)
NUDITY = (
    "swimsuit | swimsuits | bikini | bikinis | shirtless | bathing suit | speedo | underwear"
    " | costume da bagno"
    " | maillot de bain | badeanzug | traje de bano | banador | купальник* | 泳装 | 泳裝 | 泳衣 | 比基尼"
    " | 赤膊 | 光膀子 | 水着 | ビキニ | 上半身裸 | 수영복 | 비키니"
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
    "nude illusion | illusion mesh | nude mesh | nude colored | nude coloured | nude tights | nude fabric"
    " | a tutta birra | tutta birra | a bomb of a jump | bomb of a jump | the bomb | bomb drop | bombed down"
    " | crash through the finish | crash through the finish line | crashes through the finish line"
    " | crashing through the finish line | crashed through the finish line | killer run | killer jump"
    " | shoot the puck | shoots the puck | shot on goal | slap shot | slapshot | wrist shot | shootout"
    " | crash course | crash courses | crash pad | crash pads | crash mat | crash mats | gore tex | goretex"
    " | snow gun | snow guns | starting gun | killer move | killer moves | blood orange | wine red"
    " | vin brule"
    " | vin chaud | shot glass | 冰刀"
)

# The categories of the per-language files (README.md), and the lists above each one extends.
CATEGORIES = {
    "sexual": "SEXUAL",
    "gore": "GORE",
    "self_harm": "SELF_HARM",
    "slurs": "SLURS",
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
    "revealing": "NUDITY",
    "real_people": "REAL_PEOPLE",
    "allowed_phrases": "ALLOWED_PHRASES",
}
_NOT_TERMS = {"code", "name"}


class SafetyFileError(ValueError):
    """A safety term file that does not follow README.md."""


@functools.cache
def language_files() -> dict[str, dict[str, list[str]]]:
    """Every ``<code>.toml`` beside this module, validated, by language code."""
    files = {}
    for path in sorted(Path(__file__).resolve().parent.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        unknown = set(data) - set(CATEGORIES) - _NOT_TERMS
        if unknown:
            raise SafetyFileError(f"{path.name}: unknown categories {sorted(unknown)}")
        if data.get("code") != path.stem:
            raise SafetyFileError(f"{path.name}: 'code' must be {path.stem!r}")
        for category, terms in data.items():
            if category in _NOT_TERMS:
                continue
            if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
                raise SafetyFileError(f"{path.name}: {category} must be a list of strings")
        files[path.stem] = {k: [t.strip() for t in v if t.strip()] for k, v in data.items() if k not in _NOT_TERMS}
    return files


def terms(category: str) -> list[str]:
    """Every term of one category: the lists above and every language's file."""
    legacy = [t.strip() for t in globals()[CATEGORIES[category]].split("|") if t.strip()]
    return legacy + [t for data in language_files().values() for t in data.get(category, [])]
