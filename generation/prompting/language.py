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

LATIN_LANGUAGES = ("en", "it", "fr", "de", "es", "pt")
LANGUAGES = (*LATIN_LANGUAGES, "ru", "ja", "ko", "zh-Hans", "zh-Hant")
UNDETERMINED = "und"

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

# Function words: short prompts nearly always contain one. A word shared by several languages counts for each,
# divided by how many share it.
_FUNCTION_WORDS = {
    "en": "the a an and of on in with my is to at from off down his her their then like over under for but so"
    " into up while just everyone",
    "it": "il lo la i gli le un una uno di del della dello dei delle sul sulla sull nel nella con che e per"
    " al alla"
    " all dal dalla poi su tra sugli nello ad verso col suo sua mia",
    "fr": "le la les un une des du de et en sur dans avec qui au aux puis sous ma mon son sa l d s est ou pour",
    "de": "der die das ein eine einer einem den dem und mit auf im in von vor beim erst dann wie durch ins"
    " zum zur"
    " alle ist uber",
    "es": "el la los las un una unos de del y en con por al muy mi sobre desde que delante se para",
    "pt": "o a os as um uma de do da dos das e em no na nos nas com pelo pela minha meu ate para frente ao",
}
_WORD_LANGS: dict[str, list[str]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _w in _words.split():
        _WORD_LANGS.setdefault(_w, []).append(_lang)
FUNCTION_WORD_WEIGHT = 0.12


@dataclass(frozen=True)
class LanguageGuess:
    """The detected language and how sure we are (0..1)."""

    code: str
    confidence: float


@functools.cache
def _identifier():
    # Loaded once, restricted to the Latin languages we have lexicons for: fewer candidates, fewer mistakes.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LATIN_LANGUAGES))
    return identifier


def _script_counts(text: str) -> dict[str, int]:
    counts = {"kana": 0, "hangul": 0, "han": 0, "cyrillic": 0, "latin": 0, "hans": 0, "hant": 0}
    for ch in text:
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
            # The prolonged sound mark ー (U+30FC) is katakana too; middle dot U+30FB is punctuation.
            if o != 0x30FB:
                counts["kana"] += 1
        elif 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            counts["hangul"] += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
            counts["han"] += 1
            counts["hans"] += ch in _SIMPLIFIED
            counts["hant"] += ch in _TRADITIONAL
        elif 0x0400 <= o <= 0x04FF:
            counts["cyrillic"] += 1
        elif ch.isalpha() and o < 0x0250:
            counts["latin"] += 1
    return counts


def _latin_language(text: str) -> LanguageGuess:
    scores = dict(_identifier().rank(text))
    for tok in tokenize(normalize(text)):
        langs = _WORD_LANGS.get(tok.text, ())
        for lang in langs:
            scores[lang] = scores.get(lang, 0.0) + FUNCTION_WORD_WEIGHT / len(langs)
    best = max(LATIN_LANGUAGES, key=lambda lang: scores.get(lang, 0.0))
    total = sum(scores.values()) or 1.0
    return LanguageGuess(best, round(min(1.0, scores[best] / total), 3))


def detect_language(text: str) -> LanguageGuess:
    """Language of ``text``; remove ``@references`` first (a name says nothing about the language)."""
    counts = _script_counts(text)
    cjk = counts["kana"] + counts["hangul"] + counts["han"]
    # A CJK character carries about half a word: compare scripts in words, so that one Chinese sport name in
    # an
    # English sentence stays English and one English word in a Chinese sentence stays Chinese.
    latin_words = sum(1 for tok in tokenize(normalize(text)) if not tok.text.isdigit() and tok.text.isascii())
    cyrillic_words = sum(1 for tok in tokenize(normalize(text)) if "\u0400" <= tok.text[0] <= "\u04ff")
    if cjk and cjk / 2 >= latin_words + cyrillic_words:
        if counts["kana"]:
            return LanguageGuess("ja", 0.95)
        if counts["hangul"]:
            return LanguageGuess("ko", 0.95)
        if counts["hant"] > counts["hans"]:
            return LanguageGuess("zh-Hant", 0.9)
        return LanguageGuess("zh-Hans", 0.9 if counts["hans"] else 0.7)
    if cyrillic_words and cyrillic_words >= latin_words:
        return LanguageGuess("ru", 0.9)
    if counts["latin"] or latin_words:
        return _latin_language(text)
    return LanguageGuess(UNDETERMINED, 0.0)
