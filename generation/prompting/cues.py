"""Multilingual cue tables: which words point to which sport, emotion, style, camera, subject or attribute.

Terms use the :mod:`.lexicon` syntax (normalised; ``*`` = prefix; CJK/kana/hangul = substring) and are grouped
``(weight, "term | term | ...")``. Languages covered: en, it, fr, de, es, pt, ru, zh (simplified and
traditional), ja, ko. Weights for sports (why they differ):

- ``NAME`` 3.0: the sport's own name in any language: decisive.
- ``GEAR`` 2.0: equipment or a posture only that sport has (puck, rifle, "feet first", 刷冰).
- ``CUE`` 1.0: an action or place that suggests it (fly, sweep, ramp, goal); a sport needs >= 1.0 to be
chosen.
- ``HINT`` 0.5 or less: shared or scenic words that only break ties (forest, curve, sled, generic "ski").

Lists are kept modest on purpose: add a word when the evaluation set (tests/data/prompts_eval.jsonl) shows a
miss, and add the prompt that showed it to that set.
"""

from __future__ import annotations

NAME, GEAR, CUE, HINT = 3.0, 2.0, 1.0, 0.5

_GENERIC_SKI = (
    "ski | skis | skiing~ | skier~ | skiers | skied | skieur | skieuse | skieurs | skifahr* | skilauf* | sci"
    " | sciare"
    " | sciatore | sciatrice | sciatori | scia | sciando | esqui | esquis | esquiar | esquiador* | esquiando"
    " | лыж* | 滑雪 | 滑雪场 | 滑雪場 | スキー | 스키"
)
_GENERIC_SKATE = (
    "skate | skates | skating~ | skater~ | skaters | pattin* | patin* | eislauf* | schlittschuh* | коньк*"
    " | катани*"
    " | 滑冰 | 溜冰 | スケート | 스케이트 | 스케이팅"
)
_GENERIC_SLED = (
    "sled | sleds | sledge | sledges | sledding | sleigh | toboggan* | slitta | traineau | schlitten"
    " | trineo*"
    " | treno | сани | санк* | 雪橇 | そり | ソリ | 썰매"
)
_ICE_CHANNEL = (
    "ice channel | ice track | icy track | ice chute | eiskanal | canal de hielo | budello | желоб* | 冰道"
    " | 氷のコース"
    " | 얼음 트랙"
)
_SPIN = (
    "spin | spins | spinning | twirl* | trottola | giri | giros | вращени* | 旋转 | 旋轉 | くるくる"
    " | 回って | 回る | 빙글빙글"
)
_FLIP = (
    "flip | flips | backflip* | frontflip* | salto mortale | salti mortali | saut perilleux | salto mortal"
    " | saltos mortales | saltos mortais | сальто | 空翻 | 翻转 | 翻轉 | 宙返り | 공중회전"
)
_PIPE = (
    "halfpipe | half pipe | halfpipes | mezzo tubo | medio tubo | meio tubo | u型池 | u型场地 | u型場地"
    " | 半管 | ハーフパイプ | 하프파이프 | хафпайп*"
)
_PARK = "terrain park | snowpark | snow park | big air | slopestyle | rail | rails | jib* | kicker"

# sport slug -> [(weight, "term | term")]; a term may appear under several sports with different weights.
SPORT_CUES: dict[str, list[tuple[float, str]]] = {
    "alpine-skiing": [
        (
            NAME,
            "alpine ski* | downhill | slalom | giant slalom | super g | super-g | ski alpin | sci alpino"
            " | alpinski* | esqui alpino | eslalon | slalon | discesa libera | abfahrtslauf | riesenslalom"
            " | torlauf | горнолыж* | слалом* | скоростной спуск | 高山滑雪 | 大回转 | 大迴轉 | 超级大回转"
            " | 回转比赛 | 滑降 | アルペン | 回転競技 | 大回転 | 알파인 | 활강 | 대회전 | 회전 경기"
            " | para alpine"
            " | sit ski | sit-ski | sitski | monoski | monosci | 坐式滑雪",
        ),
        (1.5, "abfahrt | descente | discesa | streif | stelvio | black run | 旗門 | 旗门"),
        (
            CUE,
            "gates | gate | poles | flags | tore | bandeiras | banderas | porte | portes | riesentor* | 滑下"
            " | carv* | 坡道 | 速降 | ゲレンデ | 슬로프",
        ),
        (CUE, _GENERIC_SKI),
        (
            HINT,
            "雪山 | icy slope | slope | slopes | piste | pistes | pendio | pente | hang | pista | склон*"
            " | 雪道 | 雪坡 | tofane | bormio",
        ),
        (
            0.3,
            "descend* | scende | bajando | descendo | mountain | montagna | montagne | montana | montanha | 山上",
        ),
    ],
    "ski-jumping": [
        (
            NAME,
            "ski jump* | skijump* | ski flying | skisprung* | skispring* | skiflieg* | salto con gli sci"
            " | saut a ski | saut a skis | salto de esqui | salto com esqui | saltador de esqui"
            " | прыжки с трамплина | прыжок с трамплина | прыгун* | 跳台滑雪 | 跳台 | スキージャンプ"
            " | ジャンプ競技 | 스키점프 | 스키 점프 | sauteur a ski | sauteurs a ski",
        ),
        (
            GEAR,
            "trampolino | tremplin | trampolin | schanze* | sprungschanz* | grossschanz* | normalschanz*"
            " | трамплин* | ジャンプ台 | 점프대 | k point | hill size | v style | inrun | in run | 飞出"
            " | 飛出",
        ),
        (
            1.5,
            "ramp | ramps | rampa | rampe | telemark | 高台 | 하늘을 나 | big hill | large hill | normal hill"
            " | predazzo | sauteur | sauteurs | saltador | saltadora | saltadores | 腾空 | 騰空 | 飛び出"
            " | 날아오",
        ),
        (
            CUE,
            "fly | flying | flies | flew | soar* | envol* | vola | volo | vuela | vuelo | voando | voa"
            " | fliegt"
            " | flieg* | летит | полет* | eagle | aquila | aigle | adler | aguila | aguia | орел | 飞"
            " | 飛んで | 飛ぶ | 날아 | like a bird | come un uccello | 像一只鹰",
        ),
        (0.7, "jump | jumps | jumping | jumper | ジャンプ | 점프"),
        (HINT, "salto | saut | springt | springen | sprung | прыж* | 跳 | landing | atterr* | landung"),
    ],
    "cross-country-skiing": [
        (GEAR, "tecnica libera | tecnica classica | technique libre | freie technik | tesero"),
        (
            NAME,
            "cross country ski* | xc ski* | nordic ski* | sci di fondo | fondista | ski de fond | langlauf*"
            " | skilanglauf* | esqui de fondo | esqui cross country | esqui de fundo | лыжные гонки"
            " | лыжная гонка | лыжник гонщик | 越野滑雪 | 越野滑雪 | クロスカントリースキー"
            " | クロスカントリー"
            " | 距離スキー | 크로스컨트리 | 크로스 컨트리",
        ),
        (2.5, "cross country | cross-country"),
        (
            GEAR,
            "loipe | loipen | skating technik | skinny skis | 10 km | 15 km | 50 km | ski marathon"
            " | classic technique | skating technique | double pol* | diagonal stride | narrow skis | fondo"
            " | 越野",
        ),
        (
            HINT,
            "marathon | forest | woods | bosco | foret | wald | winterwald | bosque | floresta | лес | лесу"
            " | 森林 | 松林"
            " | 森の中 | 숲",
        ),
        (0.3, _GENERIC_SKI),
    ],
    "biathlon": [
        (1.5, "anterselva | antholz"),
        (
            NAME,
            "biathlon | biathlete | biathlon* | biathlet* | biatlon | biatlo | biatleta* | биатлон*"
            " | 冬季两项 | 冬季兩項 | バイアスロン"
            " | 바이애슬론",
        ),
        (
            GEAR,
            "rifle | rifles | carabin* | fucile | gewehr* | винтовк* | penalty loop | 伏射 | 立射 | 步枪"
            " | 步槍"
            " | ライフル | 소총",
        ),
        (
            1.5,
            "target | targets | bersagli* | cible | cibles | zielscheib* | diana | dianas | alvo | alvos"
            " | мишен*"
            " | 靶 | 標的 | 표적 | 과녁 | 射击 | 射擊 | 射撃 | 사격 | prone | schiess* | стрел*",
        ),
        (
            CUE,
            "range | shooting range | vise | mira | apunta | mire | shoot | shoots | shooting | aiming | aims"
            " | tir | tire | tirer | tiro | spara* | dispar* | atira*"
            " | 举枪 | 舉槍 | 撃つ | 쏘",
        ),
        (HINT, "laps | lap | liegend | лежа | 趴在雪地"),
        (0.3, _GENERIC_SKI),
    ],
    "nordic-combined": [
        (
            NAME,
            "nordic combined | combinata nordica | combine nordique | nordische kombination"
            " | combinada nordica"
            " | combinado nordico | лыжное двоеборье | двоеборье | 北欧两项 | 北歐兩項 | ノルディック複合"
            " | 複合 | 노르딕 복합 | 노르딕복합",
        ),
    ],
    "freestyle-skiing": [
        (
            NAME,
            "freestyle ski* | ski freestyle | sci freestyle | freeski* | mogul* | aerials | ski cross"
            " | skicross"
            " | esqui acrobatico | esqui estilo libre | esqui estilo livre | esqui freestyle"
            " | ski acrobatique"
            " | фристайл* | могул* | 自由式滑雪 | 雪上技巧 | 空中技巧 | モーグル | エアリアル"
            " | フリースタイルスキー | 프리스타일 스키 | 모굴 | 에어리얼",
        ),
        (GEAR, "freestyle | gobbe | buckelpiste | bosses | baches | コブ | double cork | triple cork"),
        (1.2, _PIPE),
        (CUE, _PARK),
        (0.7, _FLIP),
        (0.3, _GENERIC_SKI),
    ],
    "snowboard": [
        (
            NAME,
            "parallel giant slalom | parallel slalom | パラレル大回転 | 平行大回转 | 平行大迴轉 | hard board",
        ),
        (CUE, "livigno"),
        (
            NAME,
            "snowboard | snowboarder | snowboarding | snowboard* | boardercross | 单板滑雪 | 單板滑雪 | 单板"
            " | 單板 | スノーボード | スノボ"
            " | 스노보드 | сноуборд*",
        ),
        (
            GEAR,
            "tavola da neve | tabla de nieve | prancha de neve | planche a neige | sideways stance | 滑板 | 보드",
        ),
        (1.5, "boarder | boarders | board | boards | stance | 滑雪板 | パウダー | ボード"),
        (0.5, "shred* | 转体 | 轉體"),
        (1.0, _PIPE),
        (0.9, _PARK),
        (0.6, _FLIP),
        (0.5, "double cork | triple cork | freestyle | powder | poudreuse"),
    ],
    "ice-hockey": [
        (1.5, "breakaway | penalty shot | face off | faceoff | santa giulia"),
        (
            NAME,
            "hockey | ice hockey | eishockey | hockey su ghiaccio | hockey sur glace | hockey sobre hielo"
            " | hoquei"
            " | хоккей* | 冰球 | 冰上曲棍球 | アイスホッケー | 아이스하키 | sledge hockey | sled hockey"
            " | schlittenhockey | para ice hockey | パラアイスホッケー",
        ),
        (
            GEAR,
            "portiere | portero | goleiro | guarda redes | torwart | gardien | вратар* | パック | 퍽 | 射门"
            " | 射門"
            " | 挥杆 | 揮桿 | blue line | puck | pucks | шайб* | goalie | goaltender | slap shot | slapshot"
            " | schlagschuss | power play"
            " | body check* | 守門員 | 守门员 | 撲救 | 扑救 | ゴールキーパー | 골키퍼",
        ),
        (
            CUE,
            "goal | goals | gol | goles | golo | ворот* | 进球 | 進球 | ゴール | 球门 | 球門 | overtime"
            " | prolongation | stick | sticks | schlager | palet | disco | disque | 골대 | スティック | 골",
        ),
        (0.3, "shoot | shooting | shot | save | rink"),
    ],
    "curling": [
        (NAME, "curling | curler* | керлинг* | 冰壶 | 冰壺 | カーリング | 컬링"),
        (GEAR, "刷冰 | 擦冰 | 扫冰 | 掃冰 | 冰刷 | 掷壶 | 擲壺 | スイープ | 빗질 | 브룸"),
        (
            1.5,
            "brush | brushing | brushes | scope | strofin* | barren | метут | мести | метет | 刷子 | 扫帚"
            " | 掃帚"
            " | ほうき | 箒 | こすって | 빗자루 | sweep | sweeps | sweeping | broom | brooms | spazz*"
            " | balai* | balay* | wisch* | besen | barriendo | barrer"
            " | escoba* | varrendo | varrer | varre | vassoura* | щетк* | 大本营 | 大本營 | 壶 | 壺"
            " | 最后一壶",
        ),
        (1.2, "stone | stones | rock | rocks | 石头 | 石頭 | 圆心 | 圓心 | ストーン | 스톤 | 돌을"),
        (0.8, "pietra | pierre | stein | piedra | pedra | камен* | камн* | granito | granite | трет"),
        (HINT, "house | la casa | ハウス | 하우스 | ブラシ | 石を | 닦"),
    ],
    "figure-skating": [
        (GEAR, "pair lift | triple twist | throw jump | death spiral | 악셀 | assago"),
        (
            NAME,
            "figure skat* | pattinaggio artistico | patinage artistique | eiskunstlauf* | patinaje artistico"
            " | patinacao artistica | фигурн* | фигурист* | 花样滑冰 | 花樣滑冰 | 花式滑冰 | 花滑"
            " | フィギュアスケート | フィギュア | 피겨 | ice danc* | pairs skating",
        ),
        (
            GEAR,
            "axel | salchow | lutz | toe loop | pirouett* | piroett* | pirueta* | アクセル | トリプルアクセル"
            " | 三周跳 | 4回転 | 3回転",
        ),
        (1.5, _SPIN),
        (CUE, _GENERIC_SKATE),
        (
            CUE,
            "ballet | ballerina | bailarina | ballerine | balerin* | 芭蕾 | バレエ | 발레 | layback | 转圈"
            " | 轉圈"
            " | スピン | 스핀 | girando | пируэт* | triple jump | triple salto | triple saut",
        ),
        (
            0.5,
            "冰场 | 冰場 | blade | blades | rink | graceful | elegant* | 优雅 | 優雅 | sequin* | choreograph* | 回転",
        ),
    ],
    "speed-skating": [
        (
            2.5,
            "team pursuit | pursuit | パシュート | 팀추월 | 团体追逐 | 團體追逐 | командная гонка"
            " | inseguimento a squadre | poursuite par equipe | teamverfolgung | persecucion por equipos"
            " | perseguicao por equipes",
        ),
        (
            NAME,
            "speed skat* | speedskat* | long track | pattinaggio di velocita | patinage de vitesse"
            " | eisschnelllauf* | eisschnellauf* | eisschnellauf* | patinaje de velocidad"
            " | patinacao de velocidade | конькобеж* | скоростной бег на коньках | 速度滑冰 | 大道速滑"
            " | 速滑选手 | 速滑運動員 | 競速滑冰 | anneau de vitesse | 긴 트랙 | long-track"
            " | スピードスケート | 스피드스케이팅 | 스피드 스케이팅",
        ),
        (
            GEAR,
            "big oval | pista larga | piste longue | pista longa | hands behind the back | 10000m | 5000m"
            " | длинн* дистанци* | 大道",
        ),
        (
            1.5,
            "oval | ovale | anello olimpico | anneau | 椭圆形跑道 | 橢圓形跑道 | 400m | 400 m | 400米"
            " | 四百公尺"
            " | 400미터",
        ),
        (CUE, "skin suit | skin suits | skinsuit*"),
        (
            0.8,
            "strides | lanes | against the clock | 500m | 500 m | 500미터 | 직선 | 直線 | 直线 | 질주 | ぐんぐん",
        ),
        (0.8, _GENERIC_SKATE),
    ],
    "short-track": [
        (
            NAME,
            "short track | shorttrack | pista corta | courte piste | шорт трек* | 短道速滑 | 短道"
            " | 短道競速滑冰"
            " | ショートトラック | 쇼트트랙 | 쇼트 트랙",
        ),
        (GEAR, "tiny oval | small oval | 111 m | 111m"),
        (CUE, "elbows | elbow | relay | padding | crash pads | crash mats | 防护垫 | 防護墊"),
        (
            0.5,
            "corner | corners | curva | curve | virage | kurve | поворот* | 弯道 | 彎道 | コーナー | 코너"
            " | 곡선"
            " | overtak* | sorpass* | depass* | uberhol* | adelant* | ultrapass* | обгон* | 超越 | 抜く"
            " | 추월 | last lap | ultimo giro | 最后一圈 | 마지막 바퀴",
        ),
        (0.4, _GENERIC_SKATE),
    ],
    "luge": [
        (
            NAME,
            "luge | luger | lugers | slittino | rodel* | rennrodel* | саночн* | санный спорт | リュージュ | 루지",
        ),
        (
            GEAR,
            "feet first | feet-first | piedi avanti | pieds devant | pies por delante | pes a frente"
            " | ногами вперед | 脚朝前 | 腳朝前 | 脚先 | 腳先 | 足から | 발부터 | 仰躺 | 仰向け | boca arriba"
            " | deitado de costas | allonge sur le dos | on his back | on her back | on their back"
            " | on the back"
            " | on my back | pieds en avant | あおむけ | toes pointed | sur le dos | auf dem rucken"
            " | de costas | на спине | supino | 누워서",
        ),
        (1.5, _GENERIC_SLED),
        (0.8, _ICE_CHANNEL),
        (0.3, "sdraiato | sdraiata | lying | liegt | лежит | runners"),
    ],
    "skeleton": [
        (NAME, "skeleton | скелетон* | 钢架雪车 | 鋼架雪車 | 钢架 | 鋼架 | スケルトン | 스켈레톤"),
        (
            GEAR,
            "face first | face-first | head first | headfirst | head-first | face down | on his stomach"
            " | on her stomach | a pancia in giu | la tete la premiere | a plat ventre | bauchlings"
            " | boca abajo"
            " | de brucos | головой вперед | на животе | 头朝前 | 頭朝前 | 趴着 | 趴著 | 俯卧 | 俯臥"
            " | うつ伏せ"
            " | 頭から | 엎드려 | 머리부터 | 趴在小雪橇",
        ),
        (
            1.5,
            "tray | chin | kopfuber | testa avanti | de cabeza | tiny sled | small sled | 小さなそり | 小雪橇"
            " | pequenito | 趴",
        ),
        (1.2, _GENERIC_SLED),
        (0.8, _ICE_CHANNEL),
        (0.3, "belly | pancia | ventre | bauch | vientre | barriga"),
    ],
    "bobsleigh": [
        (
            NAME,
            "bobsleigh | bobsled* | bobsleds | viererbob | zweierbob | bobfahr* | monobob | бобслей*"
            " | 雪车 | 雪車 | 双人雪车 | 四人雪车 | 雙人雪車 | 四人雪車 | ボブスレー | 봅슬레이",
        ),
        (GEAR, "bob | боб"),
        (
            CUE,
            "экипаж* | запрыгива* | jamaican | jamaica | jumping into | jump into | hinein | crew | jump in"
            " | jumping in | jumps in | salta dentro | springen rein | 跳进去 | 跳進去 | 飛び乗"
            " | 올라탄 | 推着 | 推著",
        ),
        (
            0.8,
            "team | толка* | push | pushing | pushes | spinge | pousse | empuj* | empurr* | schieb*"
            " | разгоня* | 押して | 밀고",
        ),
        (1.0, _GENERIC_SLED),
        (0.8, _ICE_CHANNEL),
    ],
    "ski-mountaineering": [
        (NAME, "ски альпинист*"),
        (GEAR, "камус* | 冰爪 | アイゼン | 크램폰"),
        (
            NAME,
            "ski mountaineer* | skimo | sci alpinismo | scialpinismo | scialpinist* | ski alpinisme"
            " | skibergsteig* | esqui de montana | esqui de montanha | ски альпинизм | скиальпинизм"
            " | 登山滑雪 | 滑雪登山 | 山岳スキー | スキーマウンテニアリング | 산악스키 | 산악 스키",
        ),
        (2.5, "ski touring | ski tour* | skitour*"),
        (
            GEAR,
            "skins | climbing skins | pelli di foca | peaux de phoque | fellen | pieles | crampons | 背着雪板"
            " | 背著雪板",
        ),
        (
            CUE,
            "climb* | ascent | ascend* | summit | gipfel | cumbre | cume | cima | sommet | ridge | вершин*"
            " | подъем*"
            " | 爬上 | 攀登 | 山脊 | 登って | 登る | 오르 | montee | salita | subiendo | subindo | hinauf",
        ),
        (0.3, "peak | 山顶 | 山頂 | 雪山"),
        (0.3, _GENERIC_SKI),
    ],
}

# Words marking a Paralympic discipline: the sport keeps its slug and ``para`` becomes true. Plain "para" is
# not
# one ("para" means "for" in Spanish and Portuguese), only "para" followed by a sport word.
PARA_CUES = (
    "para alpine | para ice | para hockey | para biathlon | para snowboard | para cross | para ski*"
    " | para nordic"
    " | para eishockey | para sport* | paralymp* | paralimp* | paraolimp* | sledge hockey | sled hockey"
    " | schlittenhockey | wheelchair* | sit ski | sit-ski | sitski | monoski | monosci | visually impaired"
    " | rollstuhl* | fauteuil roulant | sedia a rotelle | silla de ruedas | cadeira de rodas | паралимп*"
    " | 残奥"
    " | 殘奧 | 轮椅 | 輪椅 | 坐式 | パラリンピック | パラアイス | パラアルペン | パラスノーボード | 車いす"
    " | 車椅子"
    " | 장애인 | 휠체어 | 패럴림픽"
)

EMOTION_CUES: dict[str, str] = {
    "triumph": "triumph* | victory | victorious | win | wins | winning | winner | champion* | gold medal"
    " | glory"
    " | celebrat* | goes wild | going wild | trionf* | vittori* | vince | triomph* | victoire | sieg*"
    " | triunf*"
    " | victoria | vitoria | campeon* | campeao | триумф* | побед* | чемпион* | 胜利 | 勝利 | 夺冠 | 奪冠"
    " | 冠军"
    " | 冠軍 | 欢呼 | 歡呼 | 金牌 | 沸腾 | 沸騰 | 逆转 | 逆轉 | 優勝 | 勝った | 金メダル | 우승 | 승리"
    " | 역전승 | 금메달 | 감동",
    "joy": "sunny | delire | joy | joyful | happy | happiness | cheerful | smiling | smile | gioia | gioios*"
    " | felice | allegr* | joie"
    " | joyeu* | heureu* | riant | freude | frohlich | glucklich | alegr* | feliz | sorrindo | радост*"
    " | счаст*"
    " | 快乐 | 快樂 | 开心 | 開心 | 欢乐 | 歡樂 | 喜悦 | 溫馨 | 温馨 | 楽しい | 嬉しい | うれしい | 喜び"
    " | 기쁨 | 행복 | 즐거",
    "calm": "cozy | cosy | fireplace | calm | calmly | quiet | quietly | peaceful | serene | tranquil*"
    " | silent | silence | gentle | calme"
    " | calma | tranquill* | sereno | silenzio* | ruhig | stillen | stille | friedlich | tranquilo"
    " | silencioso | silenciosa | спокойн* | тих* | 安静 | 安靜 | 宁静 | 寧靜 | 寂静 | 寂靜 | 静谧 | 平静"
    " | 静か"
    " | 穏やか | 고요 | 조용 | 평온 | douce",
    "tension": "brividi | thriller | tense | tension | suspense | nervous | nail biting | pressure | tensione"
    " | teso | angespannt"
    " | spannung* | spannend | tenso | tensao | напряж* | 紧张 | 緊張 | 悬念 | 手に汗 | 緊迫 | 긴장"
    " | 조마조마",
    "awe": "awe | awestruck | majestic | breathtaking | sublime | epic | maestos* | majestueu* | grandios*"
    " | majestat* | majestuos* | величеств* | 壮观 | 壯觀 | 壮丽 | 壯麗 | 震撼 | 雄伟 | 壮大 | 圧巻 | 장엄"
    " | 웅장",
    "melancholy": "melanchol* | sad | sadness | lonely | lonesome | nostalgic | wistful | malinconi*"
    " | triste*"
    " | solitari* | melancol* | traurig* | einsam* | saudade* | грустн* | тоск* | печаль* | одинок* | 忧伤"
    " | 憂傷"
    " | 伤感 | 傷感 | 孤独 | 孤獨 | 寂寞 | 悲伤 | 寂しい | 切ない | 悲しい | 쓸쓸 | 슬픈 | 슬프 | 외로",
    "romance": "romanti* | romance | love | lovers | in love | kiss* | innamorat* | amore | amoureu* | liebe"
    " | verliebt | amor | enamorad* | apaixonad* | романти* | любов* | влюблен* | 浪漫 | 爱情 | 愛情 | 恋人"
    " | 戀人 | 情侣 | 情侶 | ロマンチック | 로맨틱 | 사랑 | 연인",
    "humour": "funny | hilarious | silly | cute | lol | comedy | goofy | divertente | buffo | buffa | buffi"
    " | drole | rigolo"
    " | lustig | witzig | gracioso | divertido | engracad* | смешн* | забавн* | 搞笑 | 好笑 | 滑稽 | 幽默"
    " | 面白い"
    " | おもしろ | 笑える | 웃긴 | 재밌 | 귀여",
    "power": "power | powerful | strength | explosive | fierce | potente | potenza | puissan* | kraftvoll"
    " | poderos* | мощн* | 力量 | 爆发力 | 爆發力 | 迫力 | 力強い | 파워 | 힘찬 | 힘차",
    "freedom": "soaring | like an eagle | free | freedom | liberty | like a bird | liberta | liberte"
    " | freiheit | libertad | liberdade"
    " | свобод* | 自由自在 | 自由に | 자유",
}

STYLE_CUES: dict[str, str] = {
    "cinematic": "cinematic | film look | blockbuster | movie style | broadcast | cinematografic*"
    " | cinematique"
    " | filmisch | кинематограф* | 电影感 | 電影感 | 电影风 | 電影風 | 映画風 | シネマティック | 시네마틱"
    " | 영화 같은",
    "anime": "anime | manga | ghibli | animation style | アニメ | 动漫 | 動漫 | 动画风 | 動畫風 | 二次元"
    " | 吉卜力"
    " | ジブリ | 애니메이션 | 애니 | аниме",
    "watercolor": "watercolor* | watercolour* | water colour | aquarell* | acquerell* | acquarell* | acuarela"
    " | aquarela | акварел* | 水彩 | 수채화",
    "van-gogh": "van gogh | vangogh | gogh | starry night | ゴッホ | 梵高 | 梵谷 | 고흐 | ван гог*",
    "ink-wash": "ink wash | ink painting | sumi e | sumie | shan shui | 水墨 | 墨画 | 수묵 | tuschmalerei"
    " | tusche"
    " | inchiostro | encre de chine | lavis | tinta china | pintura a tinta | туш*",
    "pixel-art": "pixel* | 8 bit | 8-bit | 16 bit | 16-bit | retro game | 像素 | ピクセル | ドット絵 | 픽셀 | пиксел*",
    "comic": "comic | comics | comic book | bande dessinee | fumett* | historieta* | quadrinho* | cartoon*"
    " | pop art"
    " | 漫画 | 漫畫 | コミック | アメコミ | 만화 | 코믹 | комикс*",
    "scifi": "sci fi | sci-fi | scifi | science fiction | cyberpunk | neon | futuristic* | futurist*"
    " | fantascienza"
    " | ciencia ficcion | ficcao cientifica | киберпанк | неон* | фантастик* | 赛博朋克 | 賽博龐克 | 霓虹"
    " | 科幻"
    " | サイバーパンク | ネオン | 사이버펑크 | 네온 | 공상과학",
}

CAMERA_CUES: dict[str, str] = {
    "tracking": "tracking | tracking shot | follow cam | following shot | follows | steadicam | carrellata"
    " | travelling | kamerafahrt | seguimiento | 跟拍 | 跟随镜头 | 追踪镜头 | 追従 | 追いかけ | 트래킹"
    " | 팔로우",
    "aerial": "von oben | dall alto | d en haut | desde arriba | de cima | сверху | 从上方 | aerial | drone"
    " | drone shot | birds eye | bird s eye | from above | overhead | aereo | aerienne"
    " | vue du ciel | luftaufnahme | drohne* | dron | aerea | аэросъемк* | дрон* | 航拍 | 无人机 | 無人機"
    " | 俯瞰"
    " | 空撮 | ドローン | 드론 | 항공",
    "close-up": "close up | closeup | close-up | macro | primo piano | gros plan | nahaufnahme | primer plano"
    " | крупн* план* | 特写 | 特寫 | 近景 | クローズアップ | 클로즈업",
    "slow-motion": "slow motion | slow-mo | slowmo | slo-mo | slo mo | rallenty | ralenti | zeitlupe"
    " | camara lenta"
    " | camera lenta | замедленн* | слоумо | 慢动作 | 慢動作 | 慢镜头 | 慢鏡頭 | スローモーション | スロー"
    " | 슬로모션"
    " | 슬로우 모션",
    "zoom": "zoom | zooms | zooming | ズーム | 줌 | 变焦 | 推近 | 拉近 | зум*",
    "orbit": "orbit* | 360 | circling | around him | around her | orbita | orbite | umkreis* | 環繞 | 环绕"
    " | 旋回"
    " | オービット | 回り込 | 360도 | облет*",
    "static-wide": "wide shot | static | establishing shot | wide angle | panoram* | campo lungo | plan large"
    " | plano general | plano aberto | общий план | 全景 | 远景 | 遠景 | 固定镜头 | ワイド | 와이드 | 전경",
    "fpv": "fpv | pov | first person | point of view | onboard | on board | helmet cam | gopro | soggettiva"
    " | vue subjective | primera persona | primeira pessoa | от первого лица | 第一人称 | 第一人稱 | 主観"
    " | 一人称 | 1인칭 | 시점",
    "low-angle": "low angle | from below | worm s eye | dal basso | contre plongee | froschperspektive"
    " | contrapicado | снизу | 仰拍 | 低角度 | ローアングル | 로우앵글",
}

# Who the clip is about, in English. Weight ranks them when several appear: a named character or a creature is
# what the fan wants to see more than "a woman".
SUBJECT_CUES: list[tuple[float, str, str]] = [
    (
        3.0,
        "Sun Wukong, the Monkey King",
        "sun wukong | monkey king | 孙悟空 | 孫悟空 | 美猴王 | 悟空 | 大圣 | 大聖",
    ),
    (
        3.0,
        "Santa Claus",
        "santa claus | santa | babbo natale | pere noel | weihnachtsmann | papa noel | papai noel"
        " | дед мороз | 圣诞老人 | 聖誕老人 | サンタ | 산타",
    ),
    (2.0, "a robot", "robot | robots | robotic | робот* | 机器人 | 機器人 | ロボット | 로봇"),
    (2.0, "a panda", "panda | pandas | панд* | 熊猫 | 熊貓 | パンダ | 판다"),
    (
        2.0,
        "a cat",
        "cat | cats | kitten | kitty | gatto | gatti | gattino | chat | chaton | katze* | gato | gatos"
        " | кот | кошк* | котик | 猫 | 貓 | ネコ | ねこ | 고양이",
    ),
    (
        2.0,
        "a dog",
        "dog | dogs | puppy | chien* | hund | hunde | perro* | perrito | cachorro | собак* | 狗 | 犬 | イヌ | 강아지",
    ),
    (
        2.0,
        "a penguin",
        "penguin* | pinguin* | pingouin* | manchot | пингвин* | 企鹅 | 企鵝 | ペンギン | 펭귄",
    ),
    (
        2.0,
        "a polar bear",
        "polar bear* | orso polare | ours polaire | eisbar* | oso polar | urso polar"
        " | белый медведь | 北极熊 | 北極熊 | シロクマ | ホッキョクグマ | 북극곰",
    ),
    (2.0, "a fox", "fox | foxes | volpe | renard | fuchs | zorro | raposa | лиса | 狐狸 | キツネ | 여우"),
    (
        2.0,
        "a snowman",
        "snowman | pupazzo di neve | bonhomme de neige | schneemann | muneco de nieve"
        " | boneco de neve | снеговик | 雪人 | 雪だるま | 눈사람",
    ),
    (2.0, "a dragon", "dragon | dragons | drago | drache | dragao | дракон | 龙 | 龍 | ドラゴン"),
    (
        2.0,
        "an astronaut",
        "astronaut* | astronauta | astronaute | космонавт | 宇航员 | 太空人 | 宇宙飛行士 | 우주인",
    ),
    (
        1.6,
        "a grandmother",
        "grandma | granny | grandmother | nonna | grand mere | mamie | oma | grossmutter"
        " | abuela | abuelita | minha avo | vovo | бабушк* | 奶奶 | 外婆 | 姥姥 | 祖母 | おばあちゃん"
        " | おばあさん"
        " | 할머니",
    ),
    (
        1.6,
        "a grandfather",
        "grandpa | grandfather | nonno | papi | grand pere | opa | grossvater | abuelo"
        " | meu avo | дедушк* | 爷爷 | 爺爺 | 外公 | 姥爷 | おじいちゃん | 할아버지",
    ),
    (
        1.5,
        "a child",
        "child | children | kid | kids | toddler | bambin* | bimb* | enfant | enfants | kinder"
        " | nino | ninos | crianca* | ребен* | дети | 孩子 | 小孩 | 儿童 | 兒童 | 子供 | 子ども | こども"
        " | 어린이 | 아이들"
        " | 孙子 | 孫子 | 손주",
    ),
    (
        1.4,
        "a girl",
        "girl | girls | little girl | ragazza | ragazzina | fille | fillette | madchen | chica | nina"
        " | menina | девочк* | 女孩 | 少女 | 女の子 | 소녀",
    ),
    (
        1.4,
        "a boy",
        "boy | boys | ragazzo | ragazzino | garcon | junge | chico | menino | мальчик* | 男孩 | 少年 | 男の子 | 소년",
    ),
    (1.3, "a family", "family | famiglia | famille | familie | familia | семья | 家人 | 一家 | 家族 | 가족"),
    (
        1.3,
        "a couple",
        "couple | lovers | innamorati | amoureux | pareja | casal | влюбленные | 情侣 | 情侶 | カップル | 커플 | 연인",
    ),
    (
        1.2,
        "a woman",
        "woman | women | lady | donna | femme | frau | mujer | mulher | женщин* | 女人 | 女性 | 여자",
    ),
    (
        1.2,
        "a man",
        "man | men | guy | guys | dude | dudes | uomo | homme | mann | hombre | homem | мужчин* | 男人 | 男性 | 남자",
    ),
    (
        1.2,
        "my mum",
        "mum | mom | mother | mamma | maman | mutter | mama | mae | мама | 妈妈 | 媽媽 | お母さん | 엄마",
    ),
    (1.2, "my dad", "dad | father | papa | papai | vater | padre | pai | папа | 爸爸 | お父さん | 아빠"),
]

# Attributes, in English. Colours pair with an adjacent garment ("tuta rossa" -> "red suit").
COLOUR_CUES: dict[str, str] = {
    "red": "red | rosso | rossa | rossi | rosse | rouge | rouges | rot | rote | roten | roter | rotes | rojo"
    " | roja"
    " | vermelh* | красн* | 红 | 紅 | 赤い | 빨간 | 빨강",
    "blue": "blue | blu | bleu | bleue | blau | blaue* | azul | azules | син* | голуб* | 蓝 | 藍 | 青い | 파란",
    "green": "green | verde | verdi | vert | verte | grun | grune* | зелен* | 绿 | 綠 | 緑 | 초록 | 녹색",
    "yellow": "yellow | giall* | jaune* | gelb* | amarill* | amarel* | желт* | 黄色 | 黃色 | 黄色い | 노란",
    "white": "white | bianc* | blanc | blanche | weiss* | blanco | blanca | branco | branca | бел* | 白色 | 白い | 흰",
    "black": "black | nero | nera | neri | nere | noir | noire | schwarz* | negro | negra | preto | preta"
    " | черн* | 黑色 | 黒い | 검은",
    "pink": "pink | rosa | rose | розов* | 粉红 | 粉紅 | 粉色 | ピンク | 분홍 | 핑크",
    "orange": "orange | arancion* | naranja | laranja | оранжев* | 橙色 | 橘色 | オレンジ | 주황",
    "purple": "purple | viola | violet* | lila | morado | roxo | фиолетов* | 紫色 | 紫の | 보라",
    "gold": "gold | golden | oro | dore | dorado | dourado | золот* | 金色 | 金色の | 금색",
    "silver": "silver | argento | argent | silber* | plata | prata | серебр* | 银色 | 銀色 | 은색",
}
GARMENT_CUES: dict[str, str] = {
    "ski suit": "ski suit | race suit | suit | tuta | combinaison | anzug | rennanzug | traje | macacao"
    " | комбинезон | 滑雪服 | 比赛服 | 比賽服 | 스키복",
    "jacket": "jacket | coat | giacca | giubbotto | veste | jacke | chaqueta | jaqueta | casaco | куртк*"
    " | 夹克"
    " | 外套 | ジャケット | 재킷",
    "helmet": "helmet | casco | casque | helm | capacete | шлем | 头盔 | 頭盔 | ヘルメット | 헬멧",
    "scarf": "scarf | sciarpa | echarpe | schal | bufanda | cachecol | шарф | 围巾 | 圍巾 | マフラー | 목도리",
    "hat": "hat | beanie | cappello | berretto | bonnet | chapeau | mutze | gorro | gorra | шапк* | 帽子"
    " | ニット帽 | 모자",
    "goggles": "goggles | maschera | lunettes | skibrille | gafas | oculos | очки | 护目镜 | 護目鏡 | ゴーグル | 고글",
    "costume": "costume | dress | sequin* | vestito | robe | kleid | vestido | платье | 裙子 | 演出服 | 衣装 | 드레스",
    "kimono": "kimono | 着物 | 和服 | 기모노",
    "hanfu": "hanfu | 汉服 | 漢服",
}
ATTRIBUTE_CUES: dict[str, str] = {
    "elderly": "old | elderly | anzian* | vieux | vieille | alt | alte | alter | viejo | vieja | idoso"
    " | idosa"
    " | пожил* | 年老 | 老人 | 高齢 | 노인",
    "young": "young | giovane | jeune | jung | junge | joven | jovem | молод* | 年轻 | 年輕 | 若い | 젊은",
    "little": "little | tiny | small | piccol* | petit | petite | klein* | pequen* | маленьк*",
    "female": "sciatrice | skieuse | snowboardeuse | pattinatrice | patineuse | eiskunstlauferin | pilotin"
    " | фигуристка | biathletin | she | her | 女选手 | 女選手 | 女子",
    "two people": "two | pair | duo | due | deux | zwei | dos | dois | duas | двое | два | 两个 | 兩個 | 两人"
    " | 兩人"
    " | 双人 | 雙人 | 二人 | ふたり | 두 명 | 둘이",
    "three people": "three | trio | tre | trois | drei | tres | tres | трое | 三个人 | 三個人 | 三人",
    "four people": "four | quattro | quatre | vier | vierer* | cuatro | quatro | четверо | четверк* | 四个人"
    " | 四個人 | 四人 | 4人 | 네 명",
    "crowd": "crowd | audience | fans | folla | pubblico | foule | publikum | multitud | publico | multidao"
    " | толп*"
    " | 观众 | 觀眾 | 全场 | 全場 | 観客 | 관중",
    "at night": "night | notte | nuit | nacht | noche | noite | ночь | ночью | 夜 | 夜晚 | 夜の | 밤",
    "at sunset": "sunset | dusk | tramonto | coucher de soleil | sonnenuntergang | atardecer | por do sol"
    " | закат*"
    " | 夕阳 | 夕陽 | 日落 | 夕日 | 夕焼け | 노을 | 석양",
    "at dawn": "dawn | sunrise | alba | aube | petit matin | morgengrauen | amanecer | madrugada | рассвет*"
    " | 黎明"
    " | 日出 | 朝焼け | 새벽",
    "snowfall": "snowing | snowfall | falling snow | nevica* | neige qui tombe | schneefall | nevando"
    " | снегопад"
    " | 下雪 | 雪が降る | 雪が静かに降る | 눈 내리는 | 눈이 내리",
}
