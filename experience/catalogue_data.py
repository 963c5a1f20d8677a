"""The demo recommendation catalogue: 60 outfits, fragrances and make-up looks, translated into seven languages.

Names and texts are composed from small translated vocabularies (themes, product nouns, notes, characters), so
every item reads naturally in every language without 800 hand-written strings. Tags drive the recommender.
"""

# ruff: noqa: E501  (one catalogue row per line reads better than a wrapped tuple)
from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "it", "zh-hans", "ja", "fr", "de", "es")

# How a name is put together per language: the theme is a proper name, the noun says what the item is.
NAME_PATTERNS = {
    "en": "{theme} {noun}",
    "it": "{noun} {theme}",
    "zh-hans": "{theme}{noun}",
    "ja": "{theme}・{noun}",
    "fr": "{noun} {theme}",
    "de": "{theme}-{noun}",
    "es": "{noun} {theme}",
}
LIST_SEPARATOR = {"zh-hans": "、", "ja": "、"}
COLON = {"zh-hans": "：", "ja": "：", "fr": " : "}
FULL_STOP = {"zh-hans": "。", "ja": "。"}

T = dict[str, str]


def _t(en: str, it: str, zh: str, ja: str, fr: str, de: str, es: str) -> T:
    return {"en": en, "it": it, "zh-hans": zh, "ja": ja, "fr": fr, "de": de, "es": es}


THEMES: dict[str, T] = {
    "glacier": _t("Glacier", "Ghiacciaio", "冰川", "グレイシャー", "Glacier", "Gletscher", "Glaciar"),
    "aurora": _t("Aurora", "Aurora", "极光", "オーロラ", "Aurore", "Aurora", "Aurora"),
    "summit": _t("Summit", "Vetta", "峰顶", "サミット", "Sommet", "Gipfel", "Cumbre"),
    "powder": _t("Powder", "Neve Fresca", "粉雪", "パウダー", "Poudreuse", "Pulverschnee", "Nieve Polvo"),
    "frost": _t("Frost", "Brina", "霜华", "フロスト", "Givre", "Raureif", "Escarcha"),
    "midnight": _t("Midnight", "Mezzanotte", "午夜", "ミッドナイト", "Minuit", "Mitternacht", "Medianoche"),
    "podium": _t("Podium", "Podio", "领奖台", "ポディウム", "Podium", "Podium", "Podio"),
    "slalom": _t("Slalom", "Slalom", "回转", "スラローム", "Slalom", "Slalom", "Eslalon"),
    "ember": _t("Ember", "Brace", "余烬", "エンバー", "Braise", "Glut", "Brasa"),
    "crystal": _t("Crystal", "Cristallo", "水晶", "クリスタル", "Cristal", "Kristall", "Cristal"),
    "dolomite": _t("Dolomite", "Dolomiti", "多洛米蒂", "ドロミテ", "Dolomites", "Dolomiten", "Dolomitas"),
    "comet": _t("Comet", "Cometa", "彗星", "コメット", "Comète", "Komet", "Cometa"),
}

# fmt: off
NOUNS: dict[str, T] = {
    # outfits
    "parka": _t("Parka", "Parka", "派克大衣", "パーカ", "Parka", "Parka", "Parka"),
    "ski-suit": _t("Ski Suit", "Tuta da Sci", "滑雪服", "スキースーツ", "Combinaison de Ski", "Skianzug", "Mono de Esquí"),
    "knit": _t("Knit Sweater", "Maglione", "针织毛衣", "ニットセーター", "Pull en Maille", "Strickpullover", "Jersey de Punto"),
    "softshell": _t("Softshell", "Softshell", "软壳外套", "ソフトシェル", "Softshell", "Softshell", "Softshell"),
    "puffer": _t("Puffer Vest", "Gilet Imbottito", "羽绒背心", "ダウンベスト", "Doudoune sans Manches", "Daunenweste", "Chaleco Acolchado"),
    "tracksuit": _t("Tracksuit", "Tuta", "运动套装", "トラックスーツ", "Survêtement", "Trainingsanzug", "Chándal"),
    "heated-jacket": _t("Heated Jacket", "Giacca Riscaldata", "加热夹克", "ヒートジャケット", "Veste Chauffante", "Heizjacke", "Chaqueta Calefactable"),
    "coat": _t("Wool Coat", "Cappotto di Lana", "羊毛大衣", "ウールコート", "Manteau en Laine", "Wollmantel", "Abrigo de Lana"),
    # fragrances
    "eau": _t("Eau de Parfum", "Eau de Parfum", "香水", "オードパルファム", "Eau de Parfum", "Eau de Parfum", "Eau de Parfum"),
    "cologne": _t("Cologne", "Colonia", "古龙水", "コロン", "Cologne", "Kölnisch Wasser", "Colonia"),
    "mist": _t("Body Mist", "Acqua Corpo", "身体香雾", "ボディミスト", "Brume Corps", "Body Mist", "Bruma Corporal"),
    # make-up
    "look": _t("Look", "Look", "妆容", "ルック", "Look", "Look", "Look"),
    "palette": _t("Palette", "Palette", "眼影盘", "パレット", "Palette", "Palette", "Paleta"),
    "lip-set": _t("Lip Set", "Set Labbra", "唇妆套装", "リップセット", "Kit Lèvres", "Lippen-Set", "Set de Labios"),
}

# fmt: on
NOTES_LABEL: dict[str, T] = {
    "outfit": _t("Made with", "Realizzato con", "材质", "素材", "Fait de", "Aus", "Hecho con"),
    "fragrance": _t("Notes", "Note", "香调", "香り", "Notes", "Duftnoten", "Notas"),
    "makeup": _t("Shades", "Tonalità", "色调", "カラー", "Teintes", "Farbtöne", "Tonos"),
}

# fmt: off
NOTES: dict[str, T] = {
    # materials
    "recycled-down": _t("recycled down", "piuma riciclata", "再生羽绒", "リサイクルダウン", "duvet recyclé", "recycelte Daunen", "plumón reciclado"),
    "merino": _t("merino wool", "lana merino", "美利奴羊毛", "メリノウール", "laine mérinos", "Merinowolle", "lana merino"),
    "shell": _t("a waterproof shell", "guscio impermeabile", "防水外层", "防水シェル", "une coque imperméable", "wasserdichte Hülle", "capa impermeable"),
    "reflective": _t("reflective trim", "inserti riflettenti", "反光饰边", "リフレクター", "des bandes réfléchissantes", "Reflektorstreifen", "ribetes reflectantes"),
    "fleece": _t("soft fleece", "pile morbido", "柔软抓绒", "やわらかフリース", "polaire douce", "weiches Fleece", "forro polar suave"),
    "stretch": _t("stretch fabric", "tessuto elastico", "弹力面料", "ストレッチ素材", "tissu stretch", "Stretchstoff", "tejido elástico"),
    "heating": _t("a battery heating panel", "pannello riscaldante", "电池加热片", "バッテリーヒーター", "un panneau chauffant", "Heizpaneel mit Akku", "panel calefactor"),
    "cashmere": _t("cashmere", "cashmere", "羊绒", "カシミヤ", "cachemire", "Kaschmir", "cachemir"),
    # fragrance notes
    "pine": _t("pine", "pino", "松针", "パイン", "pin", "Kiefer", "pino"),
    "bergamot": _t("bergamot", "bergamotto", "佛手柑", "ベルガモット", "bergamote", "Bergamotte", "bergamota"),
    "vanilla": _t("vanilla", "vaniglia", "香草", "バニラ", "vanille", "Vanille", "vainilla"),
    "snow-musk": _t("snow musk", "muschio di neve", "雪松麝香", "スノームスク", "musc de neige", "Schneemoschus", "almizcle de nieve"),
    "cedar": _t("cedar", "cedro", "雪松", "シダー", "cèdre", "Zeder", "cedro"),
    "lavender": _t("lavender", "lavanda", "薰衣草", "ラベンダー", "lavande", "Lavendel", "lavanda"),
    "grapefruit": _t("grapefruit", "pompelmo", "西柚", "グレープフルーツ", "pamplemousse", "Grapefruit", "pomelo"),
    "amber": _t("amber", "ambra", "琥珀", "アンバー", "ambre", "Amber", "ámbar"),
    "mint": _t("mint", "menta", "薄荷", "ミント", "menthe", "Minze", "menta"),
    "tonka": _t("tonka bean", "fava tonka", "零陵香豆", "トンカビーン", "fève tonka", "Tonkabohne", "haba tonka"),
    "rose": _t("rose", "rosa", "玫瑰", "ローズ", "rose", "Rose", "rosa"),
    "iris": _t("iris", "iris", "鸢尾", "アイリス", "iris", "Iris", "iris"),
    "black-tea": _t("black tea", "tè nero", "红茶", "紅茶", "thé noir", "Schwarztee", "té negro"),
    "juniper": _t("juniper", "ginepro", "杜松", "ジュニパー", "genièvre", "Wacholder", "enebro"),
    "cocoa": _t("cocoa", "cacao", "可可", "カカオ", "cacao", "Kakao", "cacao"),
    "sea-salt": _t("sea salt", "sale marino", "海盐", "シーソルト", "sel marin", "Meersalz", "sal marina"),
    "orange-blossom": _t("orange blossom", "fiori d'arancio", "橙花", "オレンジブロッサム", "fleur d'oranger", "Orangenblüte", "azahar"),
    "leather": _t("soft leather", "pelle morbida", "柔软皮革", "ソフトレザー", "cuir doux", "weiches Leder", "cuero suave"),
    # make-up shades
    "ice-blue": _t("ice blue", "blu ghiaccio", "冰蓝", "アイスブルー", "bleu glacier", "Eisblau", "azul hielo"),
    "silver": _t("frost silver", "argento brina", "霜银", "フロストシルバー", "argent givré", "Frostsilber", "plata escarcha"),
    "berry": _t("berry", "frutti di bosco", "莓果色", "ベリー", "baie", "Beere", "frutos rojos"),
    "rose-gold": _t("rose gold", "oro rosa", "玫瑰金", "ローズゴールド", "or rose", "Roségold", "oro rosa"),
    "nude": _t("warm nude", "nude caldo", "暖裸色", "ウォームヌード", "nude chaud", "warmes Nude", "nude cálido"),
    "coral": _t("coral", "corallo", "珊瑚色", "コーラル", "corail", "Koralle", "coral"),
    "plum": _t("deep plum", "prugna intenso", "深梅色", "ディーププラム", "prune profonde", "dunkle Pflaume", "ciruela intensa"),
    "champagne": _t("champagne", "champagne", "香槟色", "シャンパン", "champagne", "Champagner", "champán"),
    "graphite": _t("graphite", "grafite", "石墨灰", "グラファイト", "graphite", "Graphit", "grafito"),
    "cherry": _t("cherry red", "rosso ciliegia", "樱桃红", "チェリーレッド", "rouge cerise", "Kirschrot", "rojo cereza"),
    "peach": _t("peach", "pesca", "蜜桃色", "ピーチ", "pêche", "Pfirsich", "melocotón"),
    "bronze": _t("bronze", "bronzo", "古铜色", "ブロンズ", "bronze", "Bronze", "bronce"),
    "glitter": _t("snow glitter", "glitter neve", "雪花亮片", "スノーグリッター", "paillettes neige", "Schneeglitzer", "purpurina nieve"),
}

# fmt: on
CHARACTERS: dict[str, T] = {
    "fresh": _t(
        "Fresh and bright, like a morning on the slopes.",
        "Fresco e luminoso, come un mattino sulle piste.",
        "清新明亮，如雪道上的清晨。",
        "ゲレンデの朝のように、爽やかで明るい。",
        "Frais et lumineux, comme un matin sur les pistes.",
        "Frisch und hell, wie ein Morgen auf der Piste.",
        "Fresco y luminoso, como una mañana en las pistas.",
    ),
    "calm": _t(
        "Soft and calm, for a quiet evening by the fire.",
        "Morbido e calmo, per una serata tranquilla accanto al fuoco.",
        "柔和宁静，适合炉火旁的安静夜晚。",
        "暖炉のそばの静かな夜のように、やわらかく穏やか。",
        "Doux et paisible, pour une soirée calme au coin du feu.",
        "Sanft und ruhig, für einen stillen Abend am Kamin.",
        "Suave y tranquilo, para una noche junto al fuego.",
    ),
    "energetic": _t(
        "Bold and full of energy, made for race day.",
        "Deciso e pieno di energia, fatto per il giorno della gara.",
        "大胆而充满活力，为比赛日而生。",
        "大胆でエネルギッシュ、レース当日のために。",
        "Audacieux et plein d'énergie, fait pour le jour de course.",
        "Kräftig und voller Energie, gemacht für den Renntag.",
        "Audaz y lleno de energía, hecho para el día de carrera.",
    ),
    "elegant": _t(
        "Elegant and refined, from the podium to the city.",
        "Elegante e raffinato, dal podio alla città.",
        "优雅精致，从领奖台到城市街头。",
        "表彰台から街まで、エレガントで洗練された一品。",
        "Élégant et raffiné, du podium à la ville.",
        "Elegant und edel, vom Podium bis in die Stadt.",
        "Elegante y refinado, del podio a la ciudad.",
    ),
    "playful": _t(
        "Playful and colourful, fun for all ages.",
        "Giocoso e colorato, divertente per tutte le età.",
        "俏皮多彩，老少皆宜。",
        "カラフルで遊び心いっぱい、どの年齢でも楽しめる。",
        "Ludique et coloré, amusant à tout âge.",
        "Verspielt und bunt, ein Spaß für jedes Alter.",
        "Divertido y colorido, para todas las edades.",
    ),
    "warm": _t(
        "Warm and cosy, like hot chocolate after skiing.",
        "Caldo e accogliente, come una cioccolata dopo lo sci.",
        "温暖舒适，如滑雪后的一杯热巧克力。",
        "スキーの後のホットチョコレートのように、温かくて心地いい。",
        "Chaud et douillet, comme un chocolat chaud après le ski.",
        "Warm und gemütlich, wie heiße Schokolade nach dem Skifahren.",
        "Cálido y acogedor, como un chocolate tras esquiar.",
    ),
    "sporty": _t(
        "Sporty and practical, ready for the stands.",
        "Sportivo e pratico, pronto per gli spalti.",
        "运动实用，随时奔赴看台。",
        "スポーティで実用的、観客席にぴったり。",
        "Sportif et pratique, prêt pour les tribunes.",
        "Sportlich und praktisch, bereit für die Tribüne.",
        "Deportivo y práctico, listo para las gradas.",
    ),
    "artistic": _t(
        "Creative and surprising, a small work of art.",
        "Creativo e sorprendente, una piccola opera d'arte.",
        "富有创意，令人惊喜，宛如一件小小的艺术品。",
        "クリエイティブで意外性のある、小さなアート作品。",
        "Créatif et surprenant, une petite œuvre d'art.",
        "Kreativ und überraschend, ein kleines Kunstwerk.",
        "Creativo y sorprendente, una pequeña obra de arte.",
    ),
    "techy": _t(
        "Smart materials and clever details for the curious.",
        "Materiali intelligenti e dettagli ingegnosi per i curiosi.",
        "智能材料与巧妙细节，献给好奇的你。",
        "好奇心旺盛なあなたへ、スマート素材と工夫のディテール。",
        "Matières intelligentes et détails ingénieux pour les curieux.",
        "Smarte Materialien und clevere Details für Neugierige.",
        "Materiales inteligentes y detalles ingeniosos para curiosos.",
    ),
}

# What each character says about the wearer: mood and interest weights the recommender matches.
CHARACTER_TAGS: dict[str, dict[str, float]] = {
    "fresh": {"energetic": 0.5, "curious": 0.3, "sport": 0.3},
    "calm": {"calm": 1.0, "art": 0.2},
    "energetic": {"energetic": 1.0, "sport": 0.6, "festive": 0.3},
    "elegant": {"festive": 0.6, "calm": 0.3, "art": 0.4},
    "playful": {"playful": 1.0, "kids": 0.8, "festive": 0.3},
    "warm": {"calm": 0.6, "festive": 0.4, "kids": 0.2},
    "sporty": {"sport": 1.0, "energetic": 0.6},
    "artistic": {"art": 1.0, "curious": 0.6},
    "techy": {"technology": 1.0, "curious": 0.8},
}
CATEGORY_INTEREST = {"outfit": "fashion", "fragrance": "fragrance", "makeup": "beauty"}

# fmt: off
# slug, category, theme, noun, notes, character, palette, sports
ITEMS: list[tuple[str, str, str, str, tuple[str, ...], str, tuple[str, ...], tuple[str, ...]]] = [
    ("glacier-parka", "outfit", "glacier", "parka", ("recycled-down", "shell"), "fresh", ("#d8ecf8", "#5aa9e6", "#1d4e89"), ("alpine-skiing", "ski-mountaineering")),
    ("aurora-ski-suit", "outfit", "aurora", "ski-suit", ("stretch", "reflective"), "energetic", ("#7cf0c8", "#6a5acd", "#101a3a"), ("alpine-skiing", "freestyle-skiing")),
    ("summit-softshell", "outfit", "summit", "softshell", ("stretch", "shell"), "sporty", ("#ffb347", "#e8590c", "#3b1f0e"), ("ski-mountaineering", "cross-country-skiing", "biathlon")),
    ("powder-knit", "outfit", "powder", "knit", ("merino", "fleece"), "warm", ("#fff5e6", "#f4c095", "#a0522d"), ()),
    ("frost-puffer", "outfit", "frost", "puffer", ("recycled-down",), "fresh", ("#f0f8ff", "#a7c7e7", "#4a6fa5"), ("snowboard",)),
    ("midnight-coat", "outfit", "midnight", "coat", ("cashmere", "merino"), "elegant", ("#2c2c54", "#474787", "#0b0b1e"), ("figure-skating",)),
    ("podium-tracksuit", "outfit", "podium", "tracksuit", ("stretch", "reflective"), "sporty", ("#ffd166", "#ef476f", "#073b4c"), ("speed-skating", "short-track", "ice-hockey")),
    ("slalom-heated-jacket", "outfit", "slalom", "heated-jacket", ("heating", "shell"), "techy", ("#00f5d4", "#00bbf9", "#1b1b3a"), ("alpine-skiing", "luge", "skeleton")),
    ("ember-knit", "outfit", "ember", "knit", ("merino",), "warm", ("#ff8c42", "#c0392b", "#3d0c02"), ("curling",)),
    ("crystal-ski-suit", "outfit", "crystal", "ski-suit", ("stretch", "fleece"), "elegant", ("#ffffff", "#cfd8dc", "#90a4ae"), ("figure-skating", "alpine-skiing")),
    ("dolomite-parka", "outfit", "dolomite", "parka", ("recycled-down", "shell", "fleece"), "calm", ("#e9d8a6", "#94a1b2", "#3e4c59"), ("cross-country-skiing", "nordic-combined")),
    ("comet-tracksuit", "outfit", "comet", "tracksuit", ("stretch",), "playful", ("#ff6fb5", "#7b2ff7", "#2d0a4e"), ("snowboard", "freestyle-skiing")),
    ("aurora-heated-jacket", "outfit", "aurora", "heated-jacket", ("heating", "recycled-down"), "techy", ("#b388ff", "#64ffda", "#12005e"), ("biathlon", "ski-jumping")),
    ("podium-puffer", "outfit", "podium", "puffer", ("recycled-down", "reflective"), "energetic", ("#e63946", "#f1faee", "#1d3557"), ("bobsleigh", "ice-hockey")),
    ("frost-coat", "outfit", "frost", "coat", ("cashmere",), "calm", ("#eef4f7", "#b0c4d8", "#5c7080"), ()),
    ("comet-puffer", "outfit", "comet", "puffer", ("recycled-down", "reflective"), "playful", ("#ffe45e", "#ff6392", "#5aa9e6"), ("ski-jumping",)),
    ("summit-knit", "outfit", "summit", "knit", ("merino", "cashmere"), "artistic", ("#f2cc8f", "#81b29a", "#3d405b"), ()),
    ("midnight-softshell", "outfit", "midnight", "softshell", ("shell", "reflective"), "techy", ("#3a86ff", "#8338ec", "#03071e"), ("short-track", "speed-skating")),
    ("glacier-tracksuit", "outfit", "glacier", "tracksuit", ("stretch", "fleece"), "fresh", ("#caf0f8", "#48cae4", "#023e8a"), ("cross-country-skiing",)),
    ("slalom-ski-suit", "outfit", "slalom", "ski-suit", ("stretch", "shell"), "energetic", ("#ff006e", "#fb5607", "#1b1b1b"), ("alpine-skiing", "skeleton")),
    ("glacier-eau", "fragrance", "glacier", "eau", ("snow-musk", "mint", "bergamot"), "fresh", ("#e0f7ff", "#8ecae6", "#219ebc"), ()),
    ("aurora-eau", "fragrance", "aurora", "eau", ("iris", "snow-musk", "amber"), "artistic", ("#e0c3fc", "#8ec5fc", "#5f0a87"), ()),
    ("summit-cologne", "fragrance", "summit", "cologne", ("pine", "juniper", "cedar"), "sporty", ("#d8f3dc", "#52b788", "#1b4332"), ("cross-country-skiing", "ski-mountaineering")),
    ("powder-mist", "fragrance", "powder", "mist", ("vanilla", "snow-musk"), "playful", ("#fff0f6", "#ffc2d1", "#ff8fab"), ()),
    ("frost-cologne", "fragrance", "frost", "cologne", ("grapefruit", "mint", "sea-salt"), "energetic", ("#f1fffa", "#99e2b4", "#067d68"), ("speed-skating", "short-track")),
    ("midnight-eau", "fragrance", "midnight", "eau", ("black-tea", "leather", "amber"), "elegant", ("#3c096c", "#240046", "#10002b"), ("figure-skating",)),
    ("podium-eau", "fragrance", "podium", "eau", ("bergamot", "amber", "cedar"), "energetic", ("#ffe8a3", "#f9c74f", "#b5838d"), ("bobsleigh", "ski-jumping")),
    ("slalom-cologne", "fragrance", "slalom", "cologne", ("grapefruit", "juniper"), "sporty", ("#fefae0", "#e9c46a", "#e76f51"), ("alpine-skiing",)),
    ("ember-eau", "fragrance", "ember", "eau", ("tonka", "cocoa", "amber"), "warm", ("#ffcdb2", "#e5989b", "#6d2e46"), ()),
    ("crystal-mist", "fragrance", "crystal", "mist", ("orange-blossom", "sea-salt"), "fresh", ("#f8f9fa", "#dee2e6", "#adb5bd"), ()),
    ("dolomite-eau", "fragrance", "dolomite", "eau", ("pine", "lavender", "cedar"), "calm", ("#edf6f9", "#83c5be", "#006d77"), ("nordic-combined", "biathlon")),
    ("comet-mist", "fragrance", "comet", "mist", ("grapefruit", "vanilla"), "playful", ("#fff3b0", "#e09f3e", "#9e2a2b"), ("snowboard", "freestyle-skiing")),
    ("aurora-cologne", "fragrance", "aurora", "cologne", ("lavender", "bergamot", "iris"), "techy", ("#caffbf", "#9bf6ff", "#a0c4ff"), ()),
    ("powder-eau", "fragrance", "powder", "eau", ("rose", "iris", "snow-musk"), "elegant", ("#fde2e4", "#fad2e1", "#c9a0dc"), ("figure-skating",)),
    ("ember-cologne", "fragrance", "ember", "cologne", ("leather", "tonka", "black-tea"), "calm", ("#d4a373", "#9c6644", "#432818"), ("curling",)),
    ("glacier-mist", "fragrance", "glacier", "mist", ("mint", "sea-salt"), "sporty", ("#e3f2fd", "#90caf9", "#1565c0"), ("ice-hockey",)),
    ("midnight-cologne", "fragrance", "midnight", "cologne", ("cedar", "amber", "leather"), "artistic", ("#22223b", "#4a4e69", "#9a8c98"), ("luge", "skeleton")),
    ("crystal-eau", "fragrance", "crystal", "eau", ("rose", "orange-blossom", "vanilla"), "warm", ("#fff1e6", "#fde2e4", "#e2ece9"), ()),
    ("summit-mist", "fragrance", "summit", "mist", ("pine", "mint"), "fresh", ("#e9f5db", "#b5c99a", "#718355"), ("ski-mountaineering",)),
    ("dolomite-cologne", "fragrance", "dolomite", "cologne", ("juniper", "black-tea"), "artistic", ("#f4f1de", "#e07a5f", "#3d405b"), ()),
    ("glacier-look", "makeup", "glacier", "look", ("ice-blue", "silver", "nude"), "fresh", ("#caf0f8", "#c0c0c0", "#e8c4a0"), ("figure-skating",)),
    ("aurora-palette", "makeup", "aurora", "palette", ("plum", "ice-blue", "glitter"), "artistic", ("#7b2cbf", "#4cc9f0", "#f0f0ff"), ()),
    ("podium-lip-set", "makeup", "podium", "lip-set", ("cherry", "rose-gold"), "energetic", ("#c1121f", "#e0a899", "#780000"), ("bobsleigh", "speed-skating")),
    ("powder-look", "makeup", "powder", "look", ("peach", "champagne"), "calm", ("#ffd7ba", "#f7e7ce", "#fec89a"), ()),
    ("frost-palette", "makeup", "frost", "palette", ("silver", "graphite", "ice-blue"), "techy", ("#d9d9d9", "#4a4a4a", "#9ad1f5"), ()),
    ("midnight-look", "makeup", "midnight", "look", ("plum", "graphite", "berry"), "elegant", ("#4a0e4e", "#2b2d42", "#8e2c5a"), ("figure-skating",)),
    ("slalom-look", "makeup", "slalom", "look", ("coral", "bronze"), "sporty", ("#ff7f50", "#cd7f32", "#f4a261"), ("alpine-skiing", "snowboard")),
    ("ember-palette", "makeup", "ember", "palette", ("bronze", "coral", "berry"), "warm", ("#b5651d", "#ff6f59", "#8a1c3b"), ()),
    ("crystal-look", "makeup", "crystal", "look", ("champagne", "glitter", "rose-gold"), "elegant", ("#f7e7ce", "#fdfdfd", "#e0a899"), ("figure-skating",)),
    ("comet-palette", "makeup", "comet", "palette", ("glitter", "coral", "ice-blue"), "playful", ("#ff70a6", "#ffd670", "#70d6ff"), ("freestyle-skiing",)),
    ("dolomite-look", "makeup", "dolomite", "look", ("nude", "peach", "bronze"), "calm", ("#e8c4a0", "#ffcba4", "#a97142"), ()),
    ("summit-lip-set", "makeup", "summit", "lip-set", ("berry", "nude"), "fresh", ("#a4133c", "#e8c4a0", "#ff8fa3"), ("ski-mountaineering",)),
    ("aurora-lip-set", "makeup", "aurora", "lip-set", ("plum", "glitter"), "artistic", ("#6a0572", "#e0e0ff", "#ab83a1"), ()),
    ("glacier-palette", "makeup", "glacier", "palette", ("ice-blue", "silver", "champagne"), "calm", ("#bde0fe", "#e5e5e5", "#f7e7ce"), ()),
    ("podium-look", "makeup", "podium", "look", ("rose-gold", "bronze", "champagne"), "energetic", ("#e0a899", "#cd7f32", "#f7e7ce"), ("ice-hockey", "short-track")),
    ("comet-lip-set", "makeup", "comet", "lip-set", ("coral", "cherry"), "playful", ("#ff7f50", "#d62828", "#ffb4a2"), ()),
    ("frost-look", "makeup", "frost", "look", ("silver", "ice-blue"), "sporty", ("#e0e0e0", "#a2d2ff", "#5e6472"), ("biathlon", "cross-country-skiing")),
    ("midnight-palette", "makeup", "midnight", "palette", ("graphite", "plum", "silver"), "techy", ("#1b1b2f", "#6a4c93", "#c0c0c0"), ("luge", "skeleton")),
    ("ember-look", "makeup", "ember", "look", ("berry", "bronze"), "warm", ("#8a1c3b", "#b5651d", "#ffcba4"), ("curling",)),
    ("crystal-lip-set", "makeup", "crystal", "lip-set", ("rose-gold", "nude"), "fresh", ("#e0a899", "#e8c4a0", "#fff0f3"), ()),
]
# fmt: on


def _join(words: list[str], language: str) -> str:
    return LIST_SEPARATOR.get(language, ", ").join(words)


def catalogue_items() -> list[dict[str, Any]]:
    """The 60 demo items as model field values (names, texts, tags ... per item)."""
    items = []
    for slug, category, theme, noun, notes, character, palette, sports in ITEMS:
        names = {
            lang: NAME_PATTERNS[lang].format(theme=THEMES[theme][lang], noun=NOUNS[noun][lang]) for lang in LANGUAGES
        }
        texts = {
            lang: NOTES_LABEL[category][lang]
            + COLON.get(lang, ": ")
            + _join([NOTES[n][lang] for n in notes], lang)
            + FULL_STOP.get(lang, ". ")
            + CHARACTERS[character][lang]
            for lang in LANGUAGES
        }
        tags = {CATEGORY_INTEREST[category]: 1.0, **CHARACTER_TAGS[character]}
        tags[f"style:{character}"] = 1.0
        tags.update({f"note:{note}": 0.6 for note in notes})
        tags.update({f"sport:{sport}": 1.0 for sport in sports})
        items.append(
            {
                "slug": slug,
                "category": category,
                "names": names,
                "texts": texts,
                "tags": tags,
                "notes": list(notes),
                "palette": list(palette),
                "variant": noun,
            }
        )
    return items
