"""English translations of organisation vocabulary in Russian, Ukrainian and Belarusian names.

Sanctions lists give a Russian company's Latin name as an English *translation* ("Research Institute",
"Shipbuilding Plant"), not a transliteration, and no transliteration meets a translation. Organisation names
are compositional, so translating their vocabulary word by word and transliterating the rest ("Уралвагонзавод
Научно-исследовательский институт" -> "uralvagonzavod scientific research institute") brings both sides together.

We keep this table ourselves: no well-kept library offers an offline translation of organisation vocabulary
(machine-translation packages need models or a network; dictionaries such as Wiktionary dumps are large and
give every sense of a word, not the one lists use). The table holds generic words only: kinds of
organisation, sectors, state bodies and common place words, never an organisation's own distinctive name.

The abbreviations of such words that names use (КБ, НИИ, НПО) are kept too: in the letters lists write
them in ("KB", "NII") first, then as the words they abbreviate, for the further translation readings.

Each entry is a stem: a word matches when it starts with the stem and the rest is an inflectional ending, so
"завод", "завода", "заводов" all read as "plant". `ORG_STEMS` are words that make a name an organisation's;
`OTHER_STEMS` are translated too but alone do not mark an organisation (places, ordinary adjectives).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from hoarfrost.names.word_tables import word_table

ORG_STEMS: Mapping[str, str] = word_table("""
    акцыянерн=joint stock; рамонт=repair; рамонц=repair; узбраенн=armaments; ўзбраенн=armaments;
    радыёэлектронн=radioelectronic|electronic|radio electronic;
    радиоэлектронн=radioelectronic|electronic|radio electronic; беспілотн=unmanned; верталёт=helicopters;
    авіякампані=airline; авіакомпані=airline; лизингов=leasing; клирингов=clearing; информаци=information;
    інформаці=information; коммуникаци=communications; комунікаці=communications; массов=mass; компонент=components;
    прикладн=applied; лазерн=laser; благосостояни=wealth; защит=protection; радиационн=radiation;
    биологическ=biological; историческ=historical; экономическ=economic; політичн=political; политическ=political;
    академик=academician; проблем=problems; отделени=branch; цифров=digital; зон=zone; железнодорожн=railway;
    патриотическ=patriotic; добровольц=volunteers; контрагент=counterparty; эксплуатирующ=operating;
    электростанци=power plant; аэс=nuclear power plant; гэс=hydroelectric power plant; тэц=power plant;
    акционерн=joint stock; ограниченн=limited; ответственност=liability; открыт=open; закрыт=closed; публичн=public;
    завод=plant|works|factory; заводск=plant; фабрик=factory; комбинат=plant; предприят=enterprise;
    підприємств=enterprise; прадпрыемств=enterprise; институт=institute; інститут=institute; інстытут=institute;
    университет=university; університет=university; універсітэт=university; академи=academy; академі=academy;
    министерств=ministry; міністерств=ministry; міністэрств=ministry; ведомств=department; департамент=department;
    управлени=directorate|control|administration|management; управлінн=directorate|administration|management;
    агентств=agency;
    агенці=agency; служб=service; комитет=committee; комітет=committee; камітэт=committee; комисси=commission;
    комісі=commission; совет=council; ради=council; рады=council; банк=bank; корпораци=corporation;
    корпораці=corporation; карпарацы=corporation; компани=company; компані=company; кампані=company;
    объединени=association|union; обьединени=association|union; об'єднанн=association; обєднанн=association;
    аб'яднанн=association; абяднанн=association; ассоциаци=association; асоціаці=association; союз=union;
    концерн=concern; холдинг=holding; групп=group; груп=group; трест=trust; фонд=fund|foundation; центр=center|centre;
    цэнтр=center|centre; бюро=bureau; лаборатори=laboratory; лабораторі=laboratory; организаци=organisation;
    організаці=organisation; арганізацы=organisation; учреждени=institution; установ=institution;
    обществ=company|society; товариств=company; таварыств=company; фирм=firm; фірм=firm; партнерств=partnership;
    верфь=shipyard; верфи=shipyard; судоверф=shipyard; верф=shipyard; судостроительн=shipbuilding;
    суднобудівн=shipbuilding; машиностроительн=machine building|engineering;
    машиностроени=machine building|engineering; приборостроени=instrument engineering;
    приборостроительн=instrument building|instrument engineering; станкостроительн=machine tool; конструкторск=design;
    конструкторськ=design; проектн=design; научно=scientific||research; научн=scientific|research;
    науково=scientific||research; науков=scientific|research; навукова=scientific; исследовательск=research;
    дослідн=research; даследч=research; производственн=production; виробнич=production; вытворч=production;
    промышленн=industrial; промышленност=industry; промислов=industrial; прамысловы=industrial;
    оборонн=defence|defense; оборон=defence|defense; оборони=defence|defense; абароны=defence|defense;
    вооружени=armaments; озброєнн=armaments; обороннопромышленн=defence industry; ракетн=missile;
    авиационн=aviation|aircraft; авіаційн=aviation|aircraft; авиа=aviation; космическ=space; космічн=space;
    ядерн=nuclear; атомн=atomic; энергетическ=energy; энергетик=energy; енергетичн=energy; энерг=energy; нефтян=oil;
    нафтов=oil; нефт=oil; газов=gas; газ=gas; химическ=chemical; хімічн=chemical; химии=chemistry; хими=chemistry;
    металлургическ=metallurgical|metallurgy; металлург=metallurgical; электронн=electronic; електронн=electronic;
    электроник=electronics; электротехническ=electrotechnical|electrical engineering;
    радиотехническ=radio engineering; радио=radio; оптическ=optical; оптико=optical; механическ=mechanical;
    механик=mechanics; автомобильн=automobile; тракторн=tractor; морск=marine|sea|maritime;
    морськ=marine|sea|maritime; речн=river; транспорт=transport; транспортн=transport; логистик=logistics;
    судоходн=shipping; пароходств=shipping company; флот=fleet; торгов=trading|trade; торговл=trade; торгівл=trade;
    страхов=insurance; инвестиционн=investment; інвестиційн=investment; финансов=financial; фінансов=financial;
    коммерческ=commercial; комерційн=commercial; технологи=technologies|technology; технологі=technologies|technology;
    технологическ=technological|technology; технологічн=technological|technology; технік=engineering;
    технічн=technical; информационн=information; інформаційн=information; систем=systems|system;
    приборов=instruments|devices; прибор=instrument|device; оборудовани=equipment; обладнанн=equipment;
    строительн=construction; будівельн=construction; строительств=construction; инженерн=engineering;
    інженерн=engineering; связ=communications|telecommunications; телеком=telecom; сельскохозяйственн=agricultural;
    медицинск=medical; фармацевтическ=pharmaceutical; экспорт=export; импорт=import;
    внешнеэкономическ=foreign economic; полици=police; поліці=police; гварди=guard; гварді=guard; войск=troops;
    військ=troops; армия=army; арми=army; армі=army; вооруженн=armed; вооружённ=armed; збройн=armed; сил=forces;
    силы=forces; силам=forces; штаб=staff; полк=regiment; бригад=brigade; дивизи=division; батальон=battalion;
    разведк=intelligence; разведывательн=intelligence; безопасност=security; безпек=security; охран=security;
    таможн=customs; митн=customs; прокуратур=prosecutor; суд=court; суда=court; партия=party; парти=party;
    движени=movement; рух=movement; общественн=public; громадськ=public; казенн=state owned; казённ=state owned;
    унитарн=unitary; муниципальн=municipal; бюджетн=budgetary; автономн=autonomous; некоммерческ=non commercial;
    благотворительн=charitable; издательск=publishing; издательств=publishing house;
    телерадиокомпани=broadcasting company|tv and radio company; телекомпани=television company; телевидени=television;
    агентство=agency; информагентств=news agency; новост=news; медиа=media; фабричн=factory; литейн=foundry;
    порохов=powder|gunpowder; патронн=cartridge|ammunition; оружейн=arms|weapons; броне=armour; вертолет=helicopters;
    вертолёт=helicopters; двигател=engine; моторостроительн=engine building; турбин=turbine; кабельн=cable;
    стал=steel; металл=metals; угольн=coal; горно=mining; горнодобывающ=mining; рудник=mine; алмаз=diamonds;
    золот=gold; алюмини=aluminium; трубн=pipe; электромеханическ=electromechanical; аэрокосмическ=aerospace;
    навигационн=navigation; спутников=satellite; измерительн=measuring; точн=precision|precise; специальн=special;
    спеціальн=special; особ=special; головн=leading; опытн=experimental; экспериментальн=experimental;
    испытательн=testing; ремонтн=repair; сервисн=service; снабжени=supply; поставк=supply; сбыт=sales;
    развити=development; розвитк=development; помощ=aid; образовани=education;
    образовательн=educational; школ=school; колледж=college; биржа=exchange; бирж=exchange; рынок=market; рынк=market;
    стройтрест=construction trust; госкорпораци=state corporation; главн=main; генеральн=general; штаба=staff;
    войсков=military; военн=military; військов=military; ваенн=military; комплекс=complex; беспилотн=unmanned;
    тактическ=tactical; физик=physics; физическ=physical; наук=sciences; сигнал=signal; объединенн=united;
    объединённ=united; оружи=arms|weapons; филиал=branch; управляющ=management|control|managing;
    автоматизаци=automation;
    автоматик=automation; народн=people; детск=children; летательн=aircraft; самолетостроительн=aircraft building;
    самолет=aircraft; самолёт=aircraft; технологий=technologies; воинск=military; войсковая=military; частн=private;
    приватн=private; охранн=security; разработк=development; производств=production; виробництв=production;
    изготовлени=manufacturing; ремонт=repair; кб=kb|design bureau; окб=okb|experimental design bureau;
    скб=skb|special design bureau; цкб=tskb|central design bureau;
    нии=nii|scientific research institute|research institute;
    цнии=tsnii|central scientific research institute|central research institute;
    нпо=npo|scientific production association|research and production association;
    нпп=npp|scientific production enterprise|research and production enterprise;
    нпц=npts|scientific production centre; нпк=npk|scientific production corporation;
    гк=gk|state corporation|group of companies; пк=pk|production complex; тд=td|trading house; гасцініц=hotel;
    гатэл=hotel; калійн=potash; тэлерадыёкампані=television and radio company|broadcasting company;
    кіруюч=managing|management; холдынг=holding; металургічн=metallurgical; металургі=metallurgy;
    электратэхнічн=electrotechnical; канцэрн=concern; нафт=oil; хімі=chemistry; лічбав=digital; тэлебачанн=television;
    унітарн=unitary; авіярамонтн=aircraft repair; радиоприборн=radio instrument; радыёпрыборн=radio instrument;
    вертолетостроени=helicopter building|helicopter; вертолётостроени=helicopter building|helicopter;
    внедренческ=implementation; прыбор=instruments|devices; тэхналогі=technologies|technology; тэхнічн=technical;
    авиастроительн=aircraft building|aircraft; двигателестроительн=engine building|engine; синтез=synthesis;
    композиционн=composite; материал=materials|material; радионавигаци=radio navigation; автоматизированн=automated;
    конструировани=design; компетенци=competencies; мобильн=mobile; платформ=platform|platforms;
    авиакомпани=airline|airlines; физико=physics; техническ=technical|technology; ликероводочн=distillery;
    винодельческ=winery; виноградарств=wine growing; виноделия=wine making; кузнечно=forge and; кузнечн=forge;
    прессов=press; электрооборудовани=electrical equipment; электромеханик=electromechanics|electro mechanics;
    електромеханік=electromechanics|electro mechanics; электраабсталяванн=electrical equipment;
    электрамеханік=electromechanics|electro mechanics; авіяцыйн=aviation|aircraft; рамонтн=repair;
    заводу=plant|works|factory; избирательн=election|electoral; виборч=election|electoral;
    инвестици=investment|investments; інвестиці=investment|investments; расчет=settlements; расчёт=settlements;
    поддержк=support; підтримк=support; участник=participants; операци=operation; назначени=purpose;
    предназначени=purpose; применени=use; продукци=products; продукці=products;
    высокотехнологичн=high technology|high tech; перспективн=advanced|perspective|prospective; порт=port; порту=port;
    медиагрупп=media group; медиахолдинг=media holding; телеканал=tv channel; отдельн=separate; окрем=separate;
    асобн=separate; борьб=warfare; боротьб=warfare; барацьб=warfare; гвардейск=guards; гвардійськ=guards;
    общевойсков=combined arms; краснознаменн=red banner; подготовк=training; воспитани=education; молодеж=youth;
    молодёж=youth; спортивн=sports; военно=military; бронетанков=armored vehicle|armoured vehicle|tank;
    искусственн=artificial; волокн=fibre|fiber; стекл=glass; инновационн=innovative; інноваційн=innovative;
    инжиниринг=engineering; комплексн=integrated|complex; решени=solutions|solution; рішен=solutions;
    исследовани=research; досліджен=research; торговый=trading; дом=house; колони=colony;
    лётн=flight; летн=flight; правов=law|legal; территори=territories|territorial; территориальн=territorial;
    культурн=cultural; оператор=operator; радиозавод=radio plant; мотозавод=motor plant;
    вагоностроительн=railway car building; вагонн=railway car; нефтеперерабатывающ=oil refinery;
    нефтехимическ=petrochemical; газоперерабатывающ=gas processing; топливн=fuel; атомэнерго=atomic energy;
    электроэнерги=electricity; гидроэлектростанци=hydroelectric power plant; обогатительн=processing;
    горнообогатительн=mining and processing; металлурги=metallurgy; станкостроени=machine tool building;
    станк=machine tools; ювелирн=jewellery; судоремонтн=ship repair; судостроени=shipbuilding; морепродукт=seafood;
    рыболовецк=fishing; рыбн=fish; агропромышленн=agro industrial; агрохолдинг=agricultural holding; молочн=dairy;
    мясн=meat; хлеб=bread; сахарн=sugar; пищев=food; табачн=tobacco; пивоваренн=brewery; кондитерск=confectionery;
    текстильн=textile; швейн=garment; обувн=footwear; мебельн=furniture; бумажн=paper; целлюлозн=pulp;
    деревообрабатывающ=woodworking; цементн=cement; кирпичн=brick; стекольн=glass; фарфор=porcelain; шинн=tyre;
    пластмасс=plastics; лакокрасочн=paint; удобрени=fertilisers; азот=nitrogen; калий=potash; фосфат=phosphate;
    аммиак=ammonia; полимер=polymers; геологоразведочн=geological exploration; бурени=drilling; трубопровод=pipeline;
    магистральн=trunk; нефтепровод=oil pipeline; газопровод=gas pipeline; танкер=tanker; судоходств=shipping;
    перевозк=transportation; аэропорт=airport; вокзал=station; станци=station; депо=depot; гостиниц=hotel;
    санатори=sanatorium; больниц=hospital; госпитал=hospital; клиник=clinic; поликлиник=clinic; аптек=pharmacy;
    страховани=insurance; кредитн=credit; сберегательн=savings; расчетн=settlement; платежн=payment; валютн=currency;
    фондов=stock; брокерск=brokerage; депозитари=depository; управляющая=management; консалтинг=consulting;
    аудит=audit; юридическ=legal; адвокат=law; нотариальн=notary; рекламн=advertising; туристическ=tourist;
    спорт=sports; клуб=club; футбольн=football; хоккейн=hockey; музе=museum; театр=theatre; библиотек=library;
    архив=archive; церков=church; епархи=diocese; патриархат=patriarchate; монастыр=monastery; мечет=mosque;
    религиозн=religious; духовн=spiritual; православн=orthodox; исламск=islamic; мусульман=muslims; молодежн=youth;
    женск=women; ветеран=veterans; казач=cossack; казачеств=cossacks; землячеств=fellowship; профсоюз=trade union;
    партнер=partners; инициатив=initiative; миротворческ=peacekeeping; добровольческ=volunteer; ополчени=militia;
    взвод=platoon; отряд=detachment|unit; корпус=corps; флотили=flotilla; эскадрили=squadron; авиабаз=air base;
    арсенал=arsenal; полигон=range|testing ground; училищ=school; гимнази=gymnasium; кадетск=cadet; курс=courses;
    типографи=printing house; редакци=editorial office; газет=newspaper; журнал=magazine; радиостанци=radio station;
    приборн=instrument; вертолетн=helicopter;
    вертолётн=helicopter; техник=equipment|engineering|technology; коммуникационн=communication|communications;
    электрогенераторн=electric generator; генераторн=generator; агрегатн=aggregate|unit; табак=tobacco;
    абмежаван=limited; адказнасц=liability; нпз=npz|oil refinery; спг=spg|lng; защитник=defenders;
    радиотехническ=radio engineering;
    акціонерн=joint stock; содейств=promotion|assistance; энерготехник=power engineering|energy engineering;
    енерготехнік=power engineering|energy engineering; измерени=measurements;
    вимірюван=measurements; нафц=oil; нафтав=oil;
    сервис=service; сервіс=service; сэрвіс=service; трейд=trade; трейдинг=trading; трейдінг=trading;
    инвест=invest|investment; інвест=invest|investment; ойл=oil; энерджи=energy; технолоджи=technologies|technology;
    системс=systems; солюшн=solutions; капитал=capital; капітал=capital; финанс=finance; фінанс=finance;
    менеджмент=management; девелопмент=development; маркет=market; маркетинг=marketing; лизинг=leasing;
    лізинг=leasing; софт=software|soft; логистикс=logistics; логістик=logistics;
    авиалини=airlines|airline; авіялініі=airlines; общин=community; громад=community; лига=league; лиги=league;
    ліга=league; блок=bloc; специализированн=specialized|specialised; программн=software; полупроводник=semiconductors;
    телекоммуникационн=telecommunication|telecommunications; телекомунікаційн=telecommunication; чартер=charter;
    дочерн=subsidiary; дочірн=subsidiary; отель=hotel; отел=hotel; готел=hotel; тягач=tractors; колесн=wheeled;
    колёсн=wheeled; гусеничн=tracked|crawler; релестроени=relay construction; моторостроени=engine building;
    аналитическ=analytical; химико=chemical; ведущ=leading; аэронавигационн=air navigation; интернет=internet;
    ск=sk|sc|insurance company|shipping company; тк=tk|tc|trading company|transport company;
    ук=uk|mc|management company; ано=ano; ик=ik|penal colony; исправительн=correctional|penal;
    базов=basic|base; вытворчасц=production; палітычн=political; передач=transmission; передавальн=transmitting;
    профессиональн=professional; професійн=professional;
""")

# "имени" (named after) has a second, empty sense: lists write "V.P. Chkalov Novosibirsk Aviation Plant" as
# often as "... named after V.P. Chkalov".
OTHER_STEMS: Mapping[str, str] = word_table("""
    государственн=state; державн=state; дзяржаўн=state; национальн=national; національн=national; нацыянальн=national;
    федеральн=federal; федераци=federation; федераці=federation; российск=russian; росси=russia; росі=russia;
    русск=russian; всероссийск=all russian; общероссийск=all russian; межрегиональн=interregional;
    региональн=regional; регіональн=regional; республик=republic; республік=republic; рэспублік=republic;
    украин=ukraine; україн=ukraine; украинск=ukrainian; українськ=ukrainian; беларус=belarus; белорусск=belarusian;
    беларуск=belarusian; крым=crimea; крымск=crimean; москв=moscow; московск=moscow; москов=moscow;
    петербург=petersburg; петербургск=petersburg; санкт=saint; ленинградск=leningrad; сибирск=siberian; сибир=siberia;
    уральск=ural; урал=ural; дальневосточн=far eastern; северн=northern; южн=southern; западн=western;
    восточн=eastern; центральн=central; международн=international; міжнародн=international; мiжнародн=international;
    глобальн=global; новы=new; нов=new; нов=new; перв=first; современн=modern; арктическ=arctic; черноморск=black sea;
    балтийск=baltic; каспийск=caspian; имени=named after|; імені=named after|; им=named after|; и=and; і=and; й=and;
    та=and; для=; по=; па=; при=; с=; з=; республиканск=republican; республіканськ=republican;
    рэспубліканск=republican; город=city; горад=city; мiст=city; област=region|oblast; обласн=regional;
    краев=regional; район=district; районн=district; зона=zone; зоны=zone; зоне=zone; зону=zone; типа=type;
    прямы=direct; прям=direct; высш=higher; боев=combat; бойов=combat; внешн=foreign; внешторг=foreign trade;
    внутренн=internal; дальн=far; ближн=near; время=time; времен=time; част=unit; отечеств=fatherland;
    імя=named after|; машин=machines|computers; един=united|single; справедлив=just; патриот=patriots;
    правд=truth; безопасн=safe; голос=voice; средств=means|equipment; соотечественник=compatriots;
    орден=order; трудов=labour|labor; знамен=banner; северо=north; юго=south;
    рф=rf|russian federation; ран=ras|russian academy of sciences;
    нан=nas|national academy of sciences; всеукраїнськ=all ukrainian;
    нижегородск=nizhny novgorod; тульск=tula; уфимск=ufa; пензенск=penza; калужск=kaluga; волжск=volga;
    ярославск=yaroslavl; тверск=tver; рязанск=ryazan; рязанськ=ryazan; самарск=samara; казанск=kazan;
    пермск=perm; ставропольск=stavropol; краснодарск=krasnodar; волгоградск=volgograd; ростовск=rostov;
    воронежск=voronezh; саратовск=saratov; владимирск=vladimir; ивановск=ivanovo; костромск=kostroma;
    вологодск=vologda; тамбовск=tambov; белгородск=belgorod; орловск=oryol|orel; псковск=pskov;
    новгородск=novgorod; калининградск=kaliningrad; кемеровск=kemerovo; тюменск=tyumen; оренбургск=orenburg;
    екатеринбургск=yekaterinburg|ekaterinburg; чебоксарск=cheboksary; удэнск=ude; читинск=chita;
    владивостокск=vladivostok; махачкалинск=makhachkala; грозненск=grozny; севастопольск=sevastopol;
    симферопольск=simferopol; харьковск=kharkiv|kharkov; харківськ=kharkiv; киевск=kyiv|kiev; київськ=kyiv;
    одесск=odesa|odessa; одеськ=odesa; запорожск=zaporizhzhia|zaporozhye; запорізьк=zaporizhzhia; львовск=lviv;
    львівськ=lviv; гомельск=gomel|homel; гродненск=grodno|hrodna; гарадзенск=hrodna|grodno;
    могилевск=mogilev|mogilyov; магілёўск=mahiliou|mogilev; брестск=brest; брэсцк=brest; барнаульск=barnaul;
    томск=tomsk; омск=omsk; алматинск=almaty; ташкентск=tashkent; бакинск=baku; ереванск=yerevan;
    тбилисск=tbilisi; архангельск=arkhangelsk; астраханск=astrakhan; мурманск=murmansk; иркутск=irkutsk;
    новосибирск=novosibirsk; минск=minsk; мінск=minsk;
""")

# Two words that lists translate as one English phrase, not word by word: "железные дороги" is railways, not
# "iron roads"; "судостроительный завод" a shipyard as often as a shipbuilding plant. Written as two stems.
PHRASES: Mapping[str, str] = word_table("""
    железн дорог=railways|railway; железнодорожн транспорт=railway transport;
    судостроительн завод=shipbuilding plant|shipyard; судостроительн верф=shipyard;
    машиностроительн завод=machine building plant|engineering plant;
    систем управлени=control systems;
    точн машиностроени=precision engineering|precision machine building;
    в област=in the field of|in;
    военн морск=naval|navy; ракетн космическ=rocket and space|rocket space; морск порт=sea port|seaport;
    физико техническ=physics and technology|physical technical;
    красн знамен=red banner; летательн аппарат=aerial vehicles|aircraft; акционерн банк=jsc bank|joint stock bank;
    акционерн коммерческ=jsc commercial|joint stock commercial; научно исследовательск=scientific research|research;
    управлени дел=administration of affairs;
    авиастроительн завод=aircraft building plant|aircraft plant|aircraft construction plant;
""")
_PHRASE_STEMS = tuple(sorted(((tuple(key.split()), english) for key, english in PHRASES.items()),
                             key=lambda item: -len(item[0][0])))

# Inflectional endings of nouns and adjectives in the three languages; a word is a stem plus one of these.
_ENDING = re.compile("[аяуюеэиыоійьъмхвгїєўёщ]{0,4}")
# Stems that match only as written, as their longer forms are given names: ради (of the Rada) but Радий, Радим.
_WHOLE_WORDS = frozenset({"ради", "рады"})
_SURNAME_ENDINGS = frozenset({"ов", "ев", "ёв", "ова", "ева", "ин", "ина", "ский", "ская"})
_STEMS = sorted(((stem, english, stem in ORG_STEMS) for table in (OTHER_STEMS, ORG_STEMS)
                 for stem, english in table.items()), key=lambda item: -len(item[0]))
_BY_STEM = {stem: (english, org) for stem, english, org in _STEMS}
# Stems of three letters match only as written (Рада and Сила are given names too), as do _WHOLE_WORDS;
# a stem in both tables takes its first entry in _STEMS, as a scan of _STEMS in order would.
_MIN_STEM = 4
_BY_PREFIX: dict[str, tuple[str, bool]] = {}
for _stem, _english, _org in _STEMS:
    if len(_stem) >= _MIN_STEM and _stem not in _WHOLE_WORDS:
        _BY_PREFIX.setdefault(_stem, (_english, _org))
_IC_ADJECTIVE = re.compile("^(.{3,}и)(?:ческ|чн)(?:ий|ая|ое|ого|ому|ой|ом|ие|их|им|ими|ую|ої|а|е|ім|і|ых)$")
# Russian -ский, Ukrainian -ський, Belarusian -скі; the place keeps its -sk (Омск, Хабаровск) or drops it.
_GEOGRAPHIC_ADJECTIVE = re.compile(
    "^(.{2,}?[сц]ь?к)(ий|ый|ая|ое|ого|ому|ой|ом|ие|их|им|ими|ую|ої|ою|ій|а|е|ім|ых|і|у)$")


def translate_word(word: str, sense: int = 0) -> tuple[str, bool] | None:
    """The English of one lower-case Cyrillic word and whether it marks an organisation, or None.

    A word with several senses in list English ("завод=plant|works|factory") gives the one asked for, or its
    first when it has fewer."""
    found = _lookup(word)
    if found is None:
        return None
    senses, org = found
    return senses[sense] if sense < len(senses) else senses[0], org


def translate_phrase(first: str, second: str, sense: int = 0) -> tuple[str, bool] | None:
    """The English of two lower-case words that lists translate as one phrase, and that it marks an
    organisation; None when the two are not such a phrase."""
    senses = phrase_senses(first, second)
    if not senses:
        return None
    return senses[sense] if sense < len(senses) else senses[0], True


@lru_cache(maxsize=65536)
def phrase_senses(first: str, second: str) -> tuple[str, ...]:
    """The English senses of the phrase the two words make, () when they make none."""
    for (stem1, stem2), english in _PHRASE_STEMS:
        if _inflects(first, stem1) and _inflects(second, stem2):
            return tuple(english.split("|"))
    return ()


def _inflects(word: str, stem: str) -> bool:
    return word.startswith(stem) and bool(_ENDING.fullmatch(word[len(stem):]))


def sense_count(word: str) -> int:
    """How many English senses the word has in the table (0 when it is not there)."""
    found = _lookup(word)
    return len(found[0]) if found else 0


@lru_cache(maxsize=65536)
def _lookup(word: str) -> tuple[tuple[str, ...], bool] | None:
    if word in _BY_STEM:
        english, org = _BY_STEM[word]
        return tuple(english.split("|")), org
    # The longest stem the word starts with, its rest an ending of at most four letters: looked up by the
    # word's own prefixes, longest first, rather than by trying every stem in the table.
    for cut in range(len(word), max(len(word) - 4, _MIN_STEM) - 1, -1):
        found = _BY_PREFIX.get(word[:cut])
        if found is not None and _ENDING.fullmatch(rest := word[cut:]):
            english, org = found
            return tuple(english.split("|")), org and rest not in _SURNAME_ENDINGS  # Банков: a surname, not a bank
    return None


def geographic_stem(word: str, short: bool = False) -> str:
    """A place adjective cut back to its place: "хабаровский" -> "хабаровск" (Khabarovsk); else the word.

    With short=True, the place of the many whose name does not end in -ск: "тульский" -> "тул" (Tula),
    "пермский" -> "перм" (Perm), "севастопольский" -> "севастопол"; the reader cannot tell which it is."""
    match = _GEOGRAPHIC_ADJECTIVE.match(word)
    if not match:
        return word
    place = match.group(1).replace("ьк", "к")
    if short and place.endswith("сск"):  # Миасс, Одесса: one с of the place and the adjective's -ск- merge
        return place[:-1]
    return place[:-2].rstrip("ь") if short and place.endswith("ск") else place


def is_geographic_adjective(word: str) -> bool:
    return bool(_GEOGRAPHIC_ADJECTIVE.match(word))


def ic_stem(word: str) -> str | None:
    """The stem of an adjective in -ический, which English writes -ic: "органической" -> "органи" (organic)."""
    match = _IC_ADJECTIVE.match(word)
    return match.group(1) if match else None
