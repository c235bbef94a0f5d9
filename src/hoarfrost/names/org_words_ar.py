"""English translations of organisation vocabulary in Arabic and Persian (and Urdu) names.

Sanctions lists give an Arabic or Iranian organisation's Latin name as an English *translation* ("Air Force
Intelligence Directorate", "Aerospace Industries Organisation") at least as often as a romanisation, and no
romanisation meets a translation. Organisation names are compositional, so translating their vocabulary word by
word and keeping the consonant key of the rest (the proper name: "النصرة", "بهارستان") brings both sides together.

We keep this table ourselves: no well-kept library offers an offline translation of organisation vocabulary
(machine-translation packages need models or a network; dictionaries give every sense of a word, not the one
lists use). Generic words only: kinds of organisation, sectors, state bodies, armed forces, countries; never an
organisation's own distinctive name.

A word may have several usual translations, best first ("إدارة=directorate|department|administration"): the
reader makes one reading per rank, as lists translate one word several ways. Words are looked up folded
(`fold`), bare or with the Arabic article and clitics (ال، لل، بال، وال، و، ب، ل) taken off, and with the
endings that do not change the translation: ة / ية (feminine), ات / ين / ون (plural), Persian ها / های
(plural) and the written ezafe ی after a vowel (نیروی هوافضای). `ORG_WORDS` mark a name as an organisation's;
`STATE_WORDS` (state, republic) mark one too without naming its kind; `OTHER_WORDS` (adjectives, places,
connectives) are translated but alone do not, so a person's name never gets a translation reading. English
loanwords written in Arabic letters (سيرفيسز services, افييشن aviation, جروب group), as Gulf registers and
Pashto and Urdu names write them, are read back to the English word. Persian
overrides the few words whose sense differs there (مخابرات is intelligence in
Arabic, telecommunications in Persian).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from hoarfrost.names.word_tables import word_table

ORG_WORDS: Mapping[str, str] = word_table("""
    شركة=company; شركات=companies; شرکت=company; مؤسسة=foundation|establishment|;
    مؤسسات=institutions; مجموعة=group; جماعة=group; جمعية=society|association; منظمة=organization|organisation;
    تنظيم=organization|organisation; حركة=movement; جبهة=front; حزب=party; كتيبة=battalion|brigade;
    كتائب=brigades|battalions; لواء=brigade; الوية=brigades; فرقة=division|brigade; فيلق=corps; جيش=army;
    جيوش=armies; قوات=forces; قوة=force; سرايا=brigades; عصبة=league; عصائب=league; رابطة=league|association;
    اتحاد=union|federation; مجلس=council; هيئة=authority|commission|organization; لجنة=committee; وزارة=ministry;
    ادارة=directorate|agency|department; مديرية=directorate; دائرة=department; مصلحة=department;
    مكتب=office|bureau; مركز=center|centre; معهد=institute; جامعة=university; اكاديمية=academy; كلية=college;
    مدرسة=school; مستشفى=hospital; مصنع=factory; مصانع=factories; معمل=factory|laboratory; مختبر=laboratory;
    مصرف=bank; بنك=bank; بنوك=banks; صرافة=exchange|money exchange; صيرفة=exchange; شبكة=network; خلية=cell;
    ميليشيا=militia; مليشيا=militia; مجمع=complex; وكالة=agency; قناة=channel; اذاعة=radio; تلفزيون=television;
    صحيفة=newspaper; جريدة=newspaper; مطبعة=press; صندوق=fund; سجن=prison; محكمة=court; نيابة=prosecution;
    شرطة=police; مخابرات=intelligence; استخبارات=intelligence; قابضة=holding; مساهمة=jsc|joint stock;
    محدودة=llc|limited; مسؤولية=; مطار=airport; ميناء=port; فندق=hotel; بورصة=exchange;
    مقاولات=contracting; صناعات=industries; تجارة=trading|trade; خدمات=services; طيران=aviation|airlines;
    ملاحة=shipping|navigation; استثمار=investment; استثمارات=investments; تطوير=development; تنمية=development;
    هندسة=engineering; بحوث=research; ابحاث=research; دراسات=studies; حراسة=guarding|security; حماية=protection;
    حرس=guard; امن=security; دفاع=defence|defense; صواريخ=missiles; اسلحة=weapons|arms; ذخيرة=ammunition;
    سفن=ships; نقل=transport; شحن=shipping|freight; تامين=insurance; اغاثة=relief; مقاومة=resistance;
    تحرير=liberation; ثورة=revolution; جهاز=service|apparatus; تبادل=exchange; حوالة=hawala|transfer;
    حوالات=hawala|transfers; تحالف=alliance|coalition; ائتلاف=coalition; تجمع=gathering|assembly;
    مؤتمر=congress|conference; منتدى=forum; نقابة=union|syndicate; غرفة=chamber; مستشفيات=hospitals;
    مدارس=schools; جامعات=universities; مكاتب=offices; فروع=branches; فرع=branch; ليمتد=llc; لمتد=llc; لیمیتد=llc;
    انشاءات=construction; مقاولة=contracting; بلدية=municipality; محافظة=governorate; قيادة=command;
    اركان=staff; استخبارات=intelligence;

    سازمان=organization|organisation; گروه=group; بنیاد=foundation;
    پژوهشگاه=research institute; پژوهشکده=research institute; پژوهش=research; تحقیقات=research;
    دانشگاه=university; دانشکده=faculty|college; بانک=bank; صرافی=exchange; بیمه=insurance; صنایع=industries;
    صنعت=industry|industries; کارخانه=factory; کارخانجات=factories; ساختمان=construction|building;
    مهندسی=engineering; بازرگانی=trading|commercial; تجارت=trade|trading; کشتیرانی=shipping lines|shipping;
    هواپیمایی=airlines|aviation; هواپیماسازی=aircraft manufacturing; وزارت=ministry; وزارتخانه=ministry;
    نیرو=force|forces|energy; نیروهای=forces; قوا=forces; سپاه=corps|guard; پاسداران=guards|guard;
    ستاد=headquarters|staff; فرماندهی=command; قرارگاه=headquarters|base|command; پلیس=police; زندان=prison;
    دادگاه=court; دادسرا=prosecutor; خبرگزاری=news agency; رسانه=media; رادیو=radio; تلویزیون=television;
    شورا=council; دفتر=office|bureau; سامانه=systems|system; تعاون=cooperation|cooperative;
    تعاونی=cooperative; پالایشگاه=refinery; پالایش=refining; کارگروه=working group; هیئت=board|commission;
    هیات=board|commission; انجمن=association|society; اتاق=chamber; کانون=center|association;
    باشگاه=club; ناوگان=fleet; شعبه=branch; نمایندگی=agency|representative; کارگزاری=brokerage|agency;
    هلدینگ=holding; پتروشیمی=petrochemical; فولاد=steel; معادن=mines|mining; معدن=mining|mine;
    خودروسازی=automotive; کشتی=ship|shipping; کشتیسازی=shipbuilding; موشکی=missile; دفاعی=defence|defense;
    انتظامی=law enforcement|police; اطلاعات=intelligence|information; امنیت=security;
    ارتباطات=communications; خودکفایی=self sufficiency; بازسازی=reconstruction; طراحی=design;
    بهرهبرداری=production|operation; برداری=production|operation;
    تدارکات=procurement|logistics; پشتیبانی=support|logistics; بیمارستان=hospital; روزنامه=newspaper;
    مجله=magazine; انتشارات=publications|publishing; لشکر=division; تیپ=brigade; گردان=battalion; هنگ=regiment;
    پایگاه=base; شهرداری=municipality; استانداری=governorate; کمیته=committee; گمرک=customs; حوزه=seminary;

    سيرفيسز=services; سيرفيسيز=services; سيرفسز=services; سرفيسز=services; سيرفيس=services|service;
    سرويسز=services; افييشن=aviation; افياشن=aviation; ايفييشن=aviation; افيشن=aviation; ايفيشن=aviation;
    جروب=group; غروب=group; كروب=group; گروپ=group; گروب=group; هولدنج=holding; هولدينج=holding;
    هولدينغ=holding; هولدینگ=holding; كوربوريشن=corporation; كوربوريشين=corporation; كومباني=company;
    كمباني=company; كمبني=company; کمپنی=company; کمپني=company; تريدنج=trading; تريدينج=trading;
    تريدينغ=trading; ترايدنغ=trading; تريدنغ=trading; انتربرايزز=enterprises; انتربرايز=enterprise|enterprises;
    انتربرايسز=enterprises; شيبينج=shipping; شيبينغ=shipping; شبنج=shipping; لوجستيكس=logistics;
    لوجيستيكس=logistics; كونسلتنج=consulting; كونسلتنغ=consulting; موتورز=motors; ايرلاينز=airlines;
    ايرويز=airways;
""")

OTHER_WORDS: Mapping[str, str] = word_table("""
    عامة=general|public; عام=general|public; عالي=higher|supreme; عليا=supreme|higher; وطني=national;
    قومي=national; دولي=international; عالمي=world|global; عربي=arab|arabic; اسلامي=islamic; اسلام=islam;
    مملكة=kingdom; امارة=emirate; اتحادي=federal; مركزي=central; مدني=civil;
    عسكري=military; حربي=military|war; جوي=air|air force; جو=air; بحري=naval|marine|maritime; بري=land;
    سلاح=weapons|arms|force; امني=security; تجاري=trading|commercial; صناعي=industrial; زراعي=agricultural;
    مالي=financial;
    هندسي=engineering; علمي=scientific; تقني=technical; تقنية=technology; تكنولوجيا=technology;
    تكنولوجي=technology; الكتروني=electronic; الكترونيات=electronics; اتصالات=communications|telecom;
    معلومات=information; خيري=charitable|charity; انساني=humanitarian; دولية=international; حر=free;
    منطقة=zone|area; متحد=united; متقدم=advanced; اعمال=business|works; عمل=works|business; عقاري=real estate;
    نفط=oil|petroleum; نفطي=oil; بترول=petroleum; غاز=gas; كهرباء=electricity|power; طاقة=energy; نووي=nuclear;
    ذري=atomic; كيميائي=chemical; طبي=medical; دوائي=pharmaceutical; ادوية=pharmaceuticals; علوم=sciences;
    تطبيقي=applied; استراتيجي=strategic; مقاتل=fighting|combatant; مسلح=armed; شعبي=popular|people;
    ثوري=revolutionary; اهل=people; شعب=people; بلاد=land|lands; خطوط=lines; مال=money|finance;
    عملات=currencies; اجنبي=foreign; رابع=fourth; اول=first; ثاني=second; ثالث=third; خامس=fifth;
    جديد=new; كبير=great; اعلى=supreme; سوري=syrian; عراقي=iraqi; مصري=egyptian; ليبي=libyan; تونسي=tunisian;
    مغربي=moroccan; جزائري=algerian; لبناني=lebanese; يمني=yemeni; سعودي=saudi; ايراني=iranian; فلسطيني=palestinian;
    اردني=jordanian; سودانی=sudanese; سوداني=sudanese; صومالي=somali; افغاني=afghan; باكستاني=pakistani;
    عراق=iraq; شام=levant|sham; سوريا=syria; سورية=syria; لبنان=lebanon; يمن=yemen; ليبيا=libya; مصر=egypt;
    تونس=tunisia; جزائر=algeria; مغرب=maghreb|morocco; سعودية=saudi arabia; امارات=emirates; قطر=qatar;
    كويت=kuwait; بحرين=bahrain; اردن=jordan; فلسطين=palestine; سودان=sudan; صومال=somalia;
    افريقيا=africa; افريقية=africa; غرب=west; شرق=east; شمال=north; جنوب=south; دمشق=damascus; بغداد=baghdad;
    بيروت=beirut; طهران=tehran; كابل=kabul; ايران=iran|iranian; افغانستان=afghanistan; باكستان=pakistan;
    بيع=sale|selling; شراء=purchase|buying; توسط=brokerage|mediation; وساطة=brokerage; صرف=exchange;
    تحويل=transfer; اموال=funds|money; عقارات=real estate; عقار=real estate; مناجم=mines; منجم=mine;
    فوسفات=phosphate; تعدين=mining; زراعة=agriculture; اغذية=foods; غذائي=food; سياحة=tourism; سفر=travel;
    بناء=construction|building; معدات=equipment; الات=machinery; مواد=materials; كيماويات=chemicals;
    حديد=iron|steel; صلب=steel; اسمنت=cement; نسيج=textiles; برمجيات=software; اعلام=media|information;
    اعلامي=media; ثقافي=cultural; ثقافة=culture; تعليم=education; تعليمي=educational; صحة=health; صحي=health;
    اسكان=housing; لوجستي=logistics; امداد=supply|supplies; تموين=supply; توريد=supply|supplies;
    استيراد=import; تصدير=export; سيارات=cars|automotive|vehicles; طائرات=aircraft; مدفعية=artillery;
    مدرع=armoured|armored; مشاة=infantry; دبابات=tanks; مغاوير=commandos; خاص=special|private; حرب=war;
    مقاتلين=fighters; مقاتلون=fighters; مجاهدين=mujahideen; شباب=youth; طلاب=students; نساء=women;
    عمال=workers; شهداء=martyrs; لاجئين=refugees; ايتام=orphans; مساعدات=aid|assistance; مساعدة=aid|assistance;
    دعم=support; تضامن=solidarity; سلام=peace; اخوان=brotherhood|brothers; نهضة=renaissance; اصلاح=reform;
    وحدة=unity|unit; رجال=men; داخلي=interior; خارجي=foreign; بحث=research; دراسة=study;
    ارهاب=terrorism|terror; مكافحة=counter|combating; قلعة=castle|citadel|fortress; مقدس=holy|sacred;
    مهاجرين=emigrants|migrants|muhajirin; انصار=supporters|ansar|partisans; توحيد=unification|oneness|tawhid;
    دعوة=dawa|call|propagation; عتبات=shrines; مزار=shrine; ضريح=shrine;
    جناح=wing; اجنحة=wings; خليج=gulf; امام=imam; جامع=comprehensive; سريع=rapid|fast;
    تصنيع=manufacturing|industrialization|industrialisation; حشد=mobilization|mobilisation;
    و=; في=; من=; الى=; عن=; ذات=; ذو=; ال=; بين=; حول=; او=;

    خاص=private; سهامی=jsc|joint stock; مسئولیت=; محدود=llc|limited; صنعتی=industrial; تولیدی=production|manufacturing;
    تولید=production; ساخت=manufacturing|construction; سازی=manufacturing|building; ساز=manufacturing;
    ساختمانی=construction; فنی=technical; فناوری=technology; تکنولوژی=technology; تجاری=trading|commercial;
    دریایی=marine|maritime|naval; هوایی=air|aviation; هواپیما=aircraft; هوافضا=aerospace; فضایی=space;
    مسلح=armed; انقلاب=revolutionary|revolution; کل=general; عالی=supreme|higher; فرهنگی=cultural;
    فرهنگ=culture; اسلامی=islamic; ملی=national; ایرانی=iranian; توسعه=development;
    عمران=development|construction; نفت=oil; گاز=gas; برق=electricity|power; انرژی=energy; هسته=nuclear;
    اتمی=atomic; شیمیایی=chemical; دارویی=pharmaceutical; پزشکی=medical; الکترونیک=electronics;
    سایبری=cyber; سایبر=cyber; مجازی=cyber|virtual; فضای=space; مطالعات=studies; علوم=sciences;
    اجتماعی=social; مرکزی=central; بین=; المللی=international; جنوبی=south|southern; شمالی=north|northern;
    شرقی=east|eastern; غربی=west|western; جهاد=jihad; موتور=engine|motor; محرکه=propulsion; حمل=transport;
    سرمایه=investment|capital; گذاری=; خدمات=services; آموزشی=educational|training;
    تحقیقاتی=research; پژوهشی=research; جرایم=crimes; جرائم=crimes; مقررات=regulatory|regulations;
    امنیتی=security; ویژه=special; مرزی=border; زمینی=ground;
    جغرافیایی=geographical; جغرافيا=geography; بررسی=investigation|investigate; امر=enjoining|promotion;
    معروف=right|virtue; نهی=forbidding|prevention; منکر=evil|vice; داخلية=interior; خارجية=foreign affairs;
    مالية=finance; داخله=interior; خارجه=foreign affairs; کشور=country|state; خاورمیانه=middle east;
    تعیین=determining|determination; مصادیق=instances; محتوا=content; مجرمانه=criminal; جرم=crime;
    جنایت=crime; تحقیق=investigation|research; کشاورزی=agriculture|agricultural; غذایی=food;
    دارو=pharmaceuticals|medicine; بهداشتی=health; درمان=treatment; آموزش=education|training; ورزش=sports;
    ورزشی=sports; هنری=arts; خبری=news; چاپ=printing; تبلیغات=advertising|propaganda; اقتصادی=economic;
    اقتصاد=economy; مالی=financial; اعتباری=credit; اعتبار=credit; ارز=currency|foreign exchange;
    نساجی=textile; پوشاک=clothing; لوازم=equipment|appliances; قطعات=parts|components; تجهیزات=equipment;
    ماشین=machinery|machine; ابزار=tools; دقیق=precision; الکترونیکی=electronic;
    مخابراتی=telecommunications; رایانه=computer; اینترنت=internet; ماهواره=satellite; پهپاد=drone|uav;
    موشک=missile; پدافند=air defence|air defense; زرهی=armoured|armored; توپخانه=artillery;
    منطقه=zone|region; ناحیه=district|region; استان=province; ملت=nation; مردم=people; مردمی=popular;
    مقاومت=resistance; مذهبی=religious; خیریه=charity|charitable; نیکوکاری=charity; امداد=relief|aid;
    اجرایی=executive; مهاجرت=migration; مالیات=tax; اسلحه=weapons|arms; ایر=air;
    صوت=audio|sound; صوتی=audio; تصویر=visual|video|image; تصویری=visual|video;
    سازندگی=construction|reconstruction; فرمان=order|decree; نفتکش=tanker|oil tanker; غیرعامل=passive;
    پاد=counter|anti; وحشت=terror; تروریسم=terrorism; ضد=anti|counter; موتر=motor|engine;
    بهره=; با=; از=; به=; در=; برای=; را=; ها=; های=; ای=; ی=; یا=;

    اوفرسيز=overseas; انترناشيونال=international; انترناشونال=international; انترناشنال=international;
    انترنشونال=international; جنرال=general; اند=; بتروليوم=petroleum; انرجي=energy; سيستمز=systems;
    تكنولوجيز=technologies; ماريتايم=maritime; مارين=marine; انفستمنت=investment; انفستمنتس=investments;
    كابيتال=capital; فاينانشال=financial; فايننشال=financial; فاينانشيال=financial; ترافل=travel; تورز=tours;
    اكسبرس=express; اكسبريس=express; ستيل=steel; الكترونيكس=electronics; اليكترونيكس=electronics;
    بريشس=precious; جلوبال=global; غلوبال=global; ميديا=media; سوليوشنز=solutions; بروبرتيز=properties;
    اندستريز=industries; اندستريال=industrial; ايرو=aero; اير=air; ترانس=trans; سبلاي=supply; سبلايز=supplies;
""")

# Ordinary words that are often the distinctive part of an organisation's name, which lists romanise as often as
# they translate ("Bonyad Shahid" and "Martyrs Foundation", "Al-Jabal Security", "Basij-e Mostazafin"): a name
# with one is read both ways (`is_name_word`).
NAME_WORDS: Mapping[str, str] = word_table("""
    شهيد=martyr|martyrs; شهید=martyr|martyrs; مستضعفين=oppressed|dispossessed; مستضعفان=oppressed|dispossessed;
    جبل=mountain; وادي=valley; جزيرة=island|peninsula; بحر=sea; صحراء=desert; ساحل=coast; نجم=star; نور=light;
    صادرات=export|exports;
    امل=hope; فجر=dawn; هلال=crescent; نخيل=palms; نخلة=palm; ارز=cedar; فرات=euphrates; نيل=nile; دجلة=tigris;
""")


# Words that mark a name as an organisation's without naming a kind of organisation: a reading without the
# descriptive vocabulary drops them ("سازمان صنایع دفاع جمهوری اسلامی ایران": Defence Industries Organisation).
STATE_WORDS: Mapping[str, str] = word_table("""
    دولة=state; جمهورية=republic; جمهوری=republic; حكومة=government; حکومت=government;
""")

# Phrases translated as a whole (their words are looked up like single words, the article off each).
ORG_PHRASES: Mapping[str, str] = word_table("""
    شرکت با مسئولیت محدود=llc; شركة ذات المسؤولية المحدودة=llc; ذات المسؤولية المحدودة=llc;
    المسؤولية المحدودة=llc; المحدودة المسؤولية=llc; با مسئولیت محدود=llc;
    مسئولیت محدود=llc; منطقة حرة=free zone|fz; المنطقة الحرة=free zone|fz; القوات الجوية=air force;
    القوات المسلحة=armed forces; نیروهای مسلح=armed forces; الخطوط الجوية=airlines|airways; سلاح الجو=air force;
    ادارة السفن=shipmanagement|ship management; لادارة السفن=shipmanagement|ship management;
    مديرية السفن=shipmanagement|ship management; مدیریت کشتی=shipmanagement|ship management;
    صدا و سیما=broadcasting; صنایع هواپیمایی=aircraft industries|aviation industries;
    حمل و نقل=transport|transportation; قوای محرکه=propulsion;
""")
OTHER_PHRASES: Mapping[str, str] = word_table("""
    الدفاع الجوي=air defence|air defense; فضای مجازی=cyberspace|cyber space; بین المللی=international;
    بهره برداری=production|operation; خاور میانه=middle east; الشرق الاوسط=middle east;
    سازمان یافته=organized|organised; پدافند غیرعامل=passive defense|passive defence;
    عتبات عالیات=holy shrines; صوت و تصویر=audio visual|audiovisual;
""")
STATE_PHRASES: Mapping[str, str] = word_table("""
    جمهوری اسلامی=islamic republic; الجمهورية الاسلامية=islamic republic; الجمهورية العربية=arab republic;
""")

# Persian senses that differ from the Arabic ones of the same letters.
PERSIAN_WORDS: Mapping[str, str] = word_table("""
    مخابرات=telecommunications|communications; اطلاعات=intelligence|information; موسسة=institute|institution|;
    موسسه=institute|institution|; جهاز=apparatus; تنظیم=regulation|regulatory|organization; تامین=supply;
    عالی=supreme|higher; کل=general;
""")


# One spelling per word for look-ups: hamza seats, Persian/Urdu yeh, kaf and heh, ta marbuta (as arabic.fold_arabic,
# which imports this module), and the hamza carriers ؤ ئ as their letters.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ے": "ي", "ک": "ك", "ة": "ه",
                       "ہ": "ه", "ۃ": "ه", "ھ": "ه", "ۀ": "ه", "ؤ": "و", "ئ": "ي", "ء": None, "\u0654": None,
                       "ﻯ": "ي"})


def fold(word: str) -> str:
    """The spelling under which words are looked up."""
    return word.translate(_FOLD)
Senses = tuple[str, ...]


def _senses(english: str) -> Senses:
    return tuple(sense.strip() for sense in english.split("|"))


# What a word says about the name: it names a kind of organisation, it marks one only, or nothing.
KIND = "kind"
MARK = "mark"
Translation = tuple[Senses, str]


def _folded_table(*tables: tuple[Mapping[str, str], str]) -> dict[str, Translation]:
    found: dict[str, Translation] = {}
    for table, mark in tables:
        for word, english in table.items():
            found[fold(word)] = (_senses(english), mark)
    return found


_ARABIC = _folded_table((NAME_WORDS, ""), (OTHER_WORDS, ""), (STATE_WORDS, MARK), (ORG_WORDS, KIND))
_PERSIAN = {**_ARABIC, **{word: (senses, _ARABIC.get(word, ((), ""))[1])
                          for word, (senses, _) in _folded_table((PERSIAN_WORDS, "")).items()}}

# Clitics written on the word: conjunction و/ف, prepositions ب/ل/ك, with or without the article.
_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ب", "ل")
_VOWEL_END = re.compile("[اوي]$")


@lru_cache(maxsize=65536)
def translate_word(word: str, persian: bool = False) -> Translation | None:
    """The English senses of one Arabic-script word and what it says of the name (KIND, MARK or ""), or None.

    The word may carry the article and clitics and the endings that leave the sense alone (see the module
    docstring). A Persian nisba (بانکی, the surname Banki) is translated but marks no organisation: only a
    vowel-final noun with the written ezafe (نیروی, شورای) keeps its mark."""
    table = _PERSIAN if persian else _ARABIC
    folded = fold(word)
    if folded in table:
        return table[folded]
    stems = _stems(folded)
    for stem in stems:
        if stem in table:
            return table[stem]
    for stem in stems:
        for base, keeps_mark in _bases(stem):
            if base in table:
                senses, mark = table[base]
                return senses, mark if keeps_mark else ""
    return _compound(folded, persian)


_MARK_RANK = {"": 0, MARK: 1, KIND: 2}


def _compound(folded: str, persian: bool) -> Translation | None:
    """Two words of the vocabulary written as one, or None: Persian writes many compounds without a space
    or a zero-width non-joiner (جهادخودکفایی: jihad self-sufficiency, پادوحشت: counter-terror). Both parts
    have three letters or more and are whole words of the vocabulary (no clitics, no compound again)."""
    table = _PERSIAN if persian else _ARABIC
    for cut in range(3, len(folded) - 2):
        head, tail = _plain(folded[:cut], table), _plain(folded[cut:], table)
        if head is not None and tail is not None and head[0][0] and tail[0][0]:
            depth = max(len(head[0]), len(tail[0]))
            senses = tuple(f"{head[0][min(i, len(head[0]) - 1)]} {tail[0][min(i, len(tail[0]) - 1)]}".strip()
                           for i in range(depth))
            return senses, max(head[1], tail[1], key=_MARK_RANK.__getitem__)
    return None


def _plain(stem: str, table: dict[str, Translation]) -> Translation | None:
    """A word of the vocabulary, as it is or in one of its inflections (`_bases`), or None."""
    if stem in table:
        return table[stem]
    for base, keeps_mark in _bases(stem):
        if base in table:
            return table[base][0], table[base][1] if keeps_mark else ""
    return None


_NAME_WORDS = frozenset(fold(word) for word in NAME_WORDS)


def is_name_word(word: str) -> bool:
    """Whether a word (with its article or clitics) is one of `NAME_WORDS`."""
    return any(stem in _NAME_WORDS or any(base in _NAME_WORDS for base, _ in _bases(stem))
               for stem in _stems(fold(word)))


def _stems(folded: str) -> list[str]:
    """A folded word and what is left of it without each clitic it may carry."""
    return [folded] + [folded[len(prefix):] for prefix in _PREFIXES
                       if folded.startswith(prefix) and len(folded) - len(prefix) >= (2 if prefix == "ال" else 3)]


def _bases(stem: str) -> list[tuple[str, bool]]:
    """Forms the stem may be an inflection of, and whether the inflection keeps an organisation mark."""
    found: list[tuple[str, bool]] = []
    if len(stem) < 4:
        return found
    if stem.endswith("يه"):  # feminine nisba: اسلامية -> اسلامي
        found.append((stem[:-1], True))
    if stem.endswith("ه"):  # feminine: مسلحة -> مسلح, سورية -> سوري
        found.append((stem[:-1], True))
    if stem.endswith(("ات", "ين", "ون", "ها")):  # plurals: صناعات, مجاهدين, سامانه ها
        found += [(stem[:-2], True), (stem[:-2] + "ه", True)]
    if stem.endswith("هاي"):  # Persian plural with ezafe: نیروهای -> نیرو
        found.append((stem[:-3], True))
    if stem.endswith("ي"):  # Persian ezafe after a vowel (نیروی) or a nisba (بانکی)
        found.append((stem[:-1], bool(_VOWEL_END.search(stem[:-1]))))
    return found


def _phrase_key(words: tuple[str, ...]) -> str:
    """The look-up key of a run of words: folded, the article off each, a written ezafe after a vowel off the
    last (صدا و سیمای: the broadcaster "of")."""
    folded = [fold(word) for word in words]
    folded = [word[2:] if word.startswith("ال") and len(word) > 3 else word for word in folded]
    if folded[-1].endswith(("اي", "وي")):
        folded[-1] = folded[-1][:-1]
    return " ".join(folded)


_PHRASES = {_phrase_key(tuple(phrase.split())): (_senses(english), mark)
            for table, mark in ((OTHER_PHRASES, ""), (STATE_PHRASES, MARK), (ORG_PHRASES, KIND))
            for phrase, english in table.items()}
PHRASE_LENGTHS = (4, 3, 2)


def translate_phrase(words: tuple[str, ...]) -> Translation | None:
    """The English senses of a run of words that is a phrase of the vocabulary, and its mark, or None."""
    return _PHRASES.get(_phrase_key(words))
