"""Which language a fan wrote in: script heuristics first, then ``py3langid`` for Latin-script text.

Reported codes (BCP 47): ``en it fr de es pt ru ja ko zh-Hans zh-Hant``, or ``und`` when the text has no
letters.
Chinese is reported with its script, ``zh-Hans`` (simplified) or ``zh-Hant`` (traditional), because the UI
answers in the fan's script (Django's ``zh-hans``/``zh-hant``); text using no character specific to either
script is ``zh-Hans``.

Why not langid alone: a prompt is often five words, where character n-grams are unreliable, and CJK scripts
identify themselves (kana means Japanese, hangul Korean). For Latin text langid's probabilities are combined
with function words ("the", "della", "der", "los" ...) that short prompts almost always contain.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .normalize import normalize, tokenize

UNDETERMINED = "und"
# The codes that py3langid reports differently from the rest of the project.
_RENAMED = {"no": "nb"}

# Characters used in only one of the two Chinese scripts (common ones; both lists are the same words).
_SIMPLIFIED = set(
    "们这个来时说对会还过进么发无车与专业东两严丰临为举义乐习书买乱争亏亚产亲亿仅从仑仓仪价众优伙传伤伦伟侧侦俩债"
    "倾偿储儿兑党兰关兴养兽内册写军农冯况冲决净凉减凤凭凯击刘则刚创删别剂剑剧劝办务劳势勋华协单卖卢卫却厂历压厅县"
    "参双变叙号叹吓吗听启员响哑唤啸喷园围图圣场坏块坚坛垒执报壮声处备头夹夺奋奖妆妇妈娱婴学宁宝实宠审宪宫宽宾对寻"
    "导寿将尔尘尝层属岁岂岛岭峡币师帐带帮广庄庆库应庙废开异弃张弯弹强归录彻径忆忧怀态怜总恋恳恶恼悬惊惧惯愤愿戏战"
    "户扩扫扬扰抚抛抢护担拟拢拥拦择挂挡挤挥损换据掷摄摆摇摊撑敌数斋斗断旧旷显晋晒晓晕暂术机杀杂权条杨极构枪柜标栏"
    "树样档桥梦检楼横欢欧残毁毕气汇汉汤沟没沪泪泽洁浅浆测济浏浑浓涂涛涨润涩渊渐渔温湾湿满滚滞滤滥灭灯灵灾炉点炼烂"
    "烟烦烧热爱爷牵犹狭独狮猎猪献环现玛琐电画畅疗疯痒瘫盐监盖盘眯睁矿码砖础硕确礼祸离种积称稳穷窃窍竞笔笼筑筛简篮"
    "类粮紧纠红纤约级纪纯纱纲纳纵纷纸纹纺线练组绅细织终绍经绑结绕绘给络绝统继绩续绳维绵综绿缓编缘缩罚罢网罗职聪肃"
    "肠肤肾肿胀胁胜脉脏脑脚脸腊舰舱艰艺节芦苏苹荐荣药莱获营萧蓝虑虾虽蚁蛮补装裤见观规视览觉触誉计订认让训议讯记讲"
    "许论设访证评识诉词译试诗诚话诞询该详语误请诸读课谁调谈谊谋谓谜谢谣谨谱贝负贡财责贤败货质贩贪贫购贯贴贵贷费贺"
    "资赏赐赔赖赛赞赠赢赵赶趋跃践踪轨轮软轰轻载较辅辆辈辉辑输辞边达迁迈运违连迟选逊递逻遗邓邮邻郑酱释钉针钓钟钢钥"
    "钱铁铃铅银铺链销锁锅锋错锦键镇镜长门闪闭问闯闲间闷闹闻阅阔队阳阴阵阶际陆陈险随隐隶难雾静须预顺顽顾顿颁领频颗"
    "题颜额风飘飞饭饮饰饱饼馆马驰驱驶驻驾验骂骑骗骚骤鱼鲁鲜鸟鸡鸣鸭鸿鹅鹰黄齐齿龙龟壶冲转"
)
_TRADITIONAL = (
    set(
        "們這個來時說對會還過進麼發無車與專業東兩嚴豐臨為舉義樂習書買亂爭虧亞產親億僅從侖倉儀價眾優夥傳傷倫偉側偵倆債"
        "傾償儲兒兌黨蘭關興養獸內冊寫軍農馮況衝決淨涼減鳳憑凱擊劉則剛創刪別劑劍劇勸辦務勞勢勳華協單賣盧衛卻廠歷壓廳縣"
        "參雙變敘號嘆嚇嗎聽啟員響啞喚嘯噴園圍圖聖場壞塊堅壇壘執報壯聲處備頭夾奪奮獎妝婦媽娛嬰學寧寶實寵審憲宮寬賓對尋"
        "導壽將爾塵嘗層屬歲豈島嶺峽幣師帳帶幫廣莊慶庫應廟廢開異棄張彎彈強歸錄徹徑憶憂懷態憐總戀懇惡惱懸驚懼慣憤願戲戰"
        "戶擴掃揚擾撫拋搶護擔擬攏擁攔擇掛擋擠揮損換據擲攝擺搖攤撐敵數齋鬥斷舊曠顯晉曬曉暈暫術機殺雜權條楊極構槍櫃標欄"
        "樹樣檔橋夢檢樓橫歡歐殘毀畢氣匯漢湯溝沒滬淚澤潔淺漿測濟瀏渾濃塗濤漲潤澀淵漸漁溫灣濕滿滾滯濾濫滅燈靈災爐點煉爛"
        "煙煩燒熱愛爺牽猶狹獨獅獵豬獻環現瑪瑣電畫暢療瘋癢癱鹽監蓋盤瞇睜礦碼磚礎碩確禮禍離種積稱穩窮竊竅競筆籠築篩簡籃"
        "類糧緊糾紅纖約級紀純紗綱納縱紛紙紋紡線練組紳細織終紹經綁結繞繪給絡絕統繼績續繩維綿綜綠緩編緣縮罰罷網羅職聰肅"
        "腸膚腎腫脹脅勝脈臟腦腳臉臘艦艙艱藝節蘆蘇蘋薦榮藥萊獲營蕭藍慮蝦雖蟻蠻補裝褲見觀規視覽覺觸譽計訂認讓訓議訊記講"
        "許論設訪證評識訴詞譯試詩誠話誕詢該詳語誤請諸讀課誰調談誼謀謂謎謝謠謹譜貝負貢財責賢敗貨質販貪貧購貫貼貴貸費賀"
        "資賞賜賠賴賽贊贈贏趙趕趨躍踐蹤軌輪軟轟輕載較輔輛輩輝輯輸辭邊達遷邁運違連遲選遜遞邏遺鄧郵鄰鄭醬釋釘針釣鐘鋼鑰"
        "錢鐵鈴鉛銀鋪鏈銷鎖鍋鋒錯錦鍵鎮鏡長門閃閉問闖閒間悶鬧聞閱闊隊陽陰陣階際陸陳險隨隱隸難霧靜須預順頑顧頓頒領頻顆"
        "題顏額風飄飛飯飲飾飽餅館馬馳驅駛駐駕驗罵騎騙騷驟魚魯鮮鳥雞鳴鴨鴻鵝鷹黃齊齒龍龜壺裡著轉迴"
    )
    - _SIMPLIFIED
)

FUNCTION_WORD_WEIGHT = 0.12
# Letters only one language of a shared script uses: a single one settles the language.
_MARKER_LETTERS = {
    "uk": "їєґ",
    "be": "ў",
    "kk": "әғқұ",
    "sr": "ђћџ",
    "mk": "ѓќѕ",
    "ur": "ٹڈڑںےۓھ",
    "fa": "پچژگ",
}
# Scripts owned by one language (first code point, last code point, language).
_SCRIPT_LANGUAGES = (
    (0x0370, 0x03FF, "el"),
    (0x1F00, 0x1FFF, "el"),
    (0x0530, 0x058F, "hy"),
    (0x0590, 0x05FF, "he"),
    (0x0980, 0x09FF, "bn"),
    (0x0A00, 0x0A7F, "pa"),
    (0x0A80, 0x0AFF, "gu"),
    (0x0B00, 0x0B7F, "or"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0C00, 0x0C7F, "te"),
    (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"),
    (0x0D80, 0x0DFF, "si"),
    (0x0E00, 0x0E7F, "th"),
    (0x0E80, 0x0EFF, "lo"),
    (0x0F00, 0x0FFF, "dz"),
    (0x1000, 0x109F, "my"),
    (0x10A0, 0x10FF, "ka"),
    (0x1200, 0x137F, "am"),
    (0x1780, 0x17FF, "km"),
)
# Scripts shared by several languages: the languages that compete once the script is known.
_SHARED_SCRIPTS = {
    "cyrillic": ("ru", "uk", "be", "bg", "kk", "ky", "mk", "mn", "sr", "tg", "tt", "ba"),
    "arabic": ("ar", "fa", "ur", "ps", "ku", "ug", "sd", "arz", "ary", "sdh"),
    "devanagari": ("hi", "mr", "ne", "sa", "gom"),
}


@dataclass(frozen=True)
class LanguageGuess:
    """The detected language and how sure we are (0..1)."""

    code: str
    confidence: float


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@functools.cache
def _latin_languages() -> frozenset[str]:
    others = {code for _lo, _hi, code in _SCRIPT_LANGUAGES}
    others |= {code for codes in _SHARED_SCRIPTS.values() for code in codes}
    others |= {"zh", "ja", "ko", "yue", "wuu", "zxx", "hbo", "grc"}
    # Serbian is written in both Cyrillic and Latin letters.
    return frozenset(c for c in _identifier().nb_classes if c not in others or c == "sr")


@functools.cache
def function_word_languages() -> dict[str, tuple[str, ...]]:
    """Every language file's function words (normalised) and the languages that list each."""
    from .lexicon_files import function_words

    table: dict[str, list[str]] = {}
    for code, words in function_words().items():
        for word in words:
            table.setdefault(normalize(word), []).append(code)
    return {word: tuple(codes) for word, codes in table.items()}


def known_languages() -> frozenset[str]:
    """Every code :func:`detect_language` may report."""
    codes = {_RENAMED.get(c, c) for c in _identifier().nb_classes if c not in ("zh", "zxx")}
    return frozenset(codes | {"zh-Hans", "zh-Hant", UNDETERMINED})


def _script_of(ch: str) -> str | None:
    o = ord(ch)
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
        # The prolonged sound mark ー (U+30FC) is katakana too; middle dot U+30FB is punctuation.
        return None if o == 0x30FB else "kana"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        return "han"
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
        return "arabic"
    if 0x0900 <= o <= 0x097F:
        return "devanagari"
    for low, high, code in _SCRIPT_LANGUAGES:
        if low <= o <= high:
            return code
    if ch.isalpha() and (o < 0x0250 or 0x1E00 <= o <= 0x1EFF):
        return "latin"
    return None


def _script_words(text: str) -> dict[str, float]:
    """Per script, how many words of it the text holds (a CJK character counts as half a word)."""
    words: dict[str, float] = {}
    previous = None
    for ch in text:
        script = _script_of(ch)
        if script is None:
            previous = None
            continue
        if script in ("han", "kana", "hangul", "th", "lo", "km", "my"):
            words[script] = words.get(script, 0.0) + 0.5
        elif script != previous:
            words[script] = words.get(script, 0.0) + 1
        previous = script
    return words


def _ranked(text: str, candidates: tuple[str, ...] | frozenset[str]) -> LanguageGuess:
    """py3langid's ranking restricted to ``candidates``, plus function words and marker letters."""
    allowed = {_RENAMED.get(c, c) for c in candidates}
    scores = {_RENAMED.get(c, c): p for c, p in _identifier().rank(text) if c in candidates}
    total = sum(scores.values()) or 1.0
    scores = {code: p / total for code, p in scores.items()}
    for tok in tokenize(normalize(text)):
        langs = [code for code in function_word_languages().get(tok.text, ()) if code in allowed]
        for code in langs:
            scores[code] = scores.get(code, 0.0) + FUNCTION_WORD_WEIGHT / len(langs)
    lowered = text.casefold()
    marked = [c for c, letters in _MARKER_LETTERS.items() if c in allowed and any(ch in lowered for ch in letters)]
    if "ur" in marked and "fa" in marked:
        marked.remove("fa")  # Urdu writes the Persian letters too
    for code in marked:
        scores[code] = scores.get(code, 0.0) + 1.0
    if "fa" in allowed and not marked and ("ی" in text or "ک" in text):
        # Persian and Urdu keyboards type ی and ک where Arabic has ي and ك.
        scores["fa"] = scores.get("fa", 0.0) + 0.5
    best = max(scores, key=scores.__getitem__)
    return LanguageGuess(best, round(min(1.0, scores[best] / (sum(scores.values()) or 1.0)), 3))


def _chinese(text: str) -> LanguageGuess:
    hans = sum(ch in _SIMPLIFIED for ch in text)
    hant = sum(ch in _TRADITIONAL for ch in text)
    if hant > hans:
        return LanguageGuess("zh-Hant", 0.9)
    return LanguageGuess("zh-Hans", 0.9 if hans else 0.7)


def detect_language(text: str) -> LanguageGuess:
    """Language of ``text``; remove ``@references`` first (a name says nothing about the language)."""
    words = _script_words(text)
    if not words:
        return LanguageGuess(UNDETERMINED, 0.0)
    # Japanese mixes kana and kanji: count them as one script, so kanji-heavy Japanese is not read as Chinese.
    if "kana" in words:
        words["kana"] += words.pop("han", 0.0)
    script = max(words, key=lambda s: (words[s], s == "latin"))
    if script == "kana":
        return LanguageGuess("ja", 0.95)
    if script == "hangul":
        return LanguageGuess("ko", 0.95)
    if script == "han":
        return _chinese(text)
    if script in _SHARED_SCRIPTS or script == "latin":
        # Only the winning script's words go to the classifier: a Chinese sport name must not make English odd.
        own = "".join(ch if _script_of(ch) in (script, None) else " " for ch in text)
        return _ranked(own, _latin_languages() if script == "latin" else _SHARED_SCRIPTS[script])
    return LanguageGuess(script, 0.95)
