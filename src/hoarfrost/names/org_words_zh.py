"""English translations of organisation vocabulary in Chinese names.

Sanctions lists give a Chinese company's Latin name as an English *translation* ("China Electronics Technology
Group Corporation" for 中国电子科技集团公司), which no romanisation meets. Organisation names are
compositional, so translating their vocabulary word by word and keeping Pinyin for the rest (the place, the
brand) brings both sides together.

We keep this table ourselves: no well-kept library gives an offline translation of organisation vocabulary.
CC-CEDICT packages give every sense of every word (科技 "science and technology", 公司 "(business) company,
firm, corporation"), where names need the one word lists use; the table below is that choice, made once.
Generic words only (kinds of organisation, sectors, state bodies, common places), in simplified characters
(names are folded to simplified before they are read). `ORG_WORDS` mark a name as an organisation's;
`OTHER_WORDS` are translated too but do not on their own. Where lists use two English words for one
Chinese word, both are given, the usual first ("中国=china|sino": Sino Holdings, 航天=aerospace|space).
`HEAD_WORDS` name a kind of organisation: a short name that ends in one (中国银行) is not a person's.
"""

from __future__ import annotations

from collections.abc import Mapping

from hoarfrost.names.word_tables import word_table

ORG_WORDS: Mapping[str, str] = word_table("""
    公司=company; 总公司=corporation; 集团=group; 集团公司=group corporation; 有限=limited; 股份=; 责任=;
    控股=holdings|holding; 科技=technology|tech|technologies; 技术=technology|tech|technologies;
    高科技=high technology|hi tech; 高新技术=high technology; 电子=electronics|electronic; 微电子=microelectronics;
    光电=optoelectronics|optoelectronic; 光电子=optoelectronics;
    电子科技=electronics technology|electronic technology; 研究所=research institute|institute;
    研究院=research institute; 研究中心=research centre; 研究=research; 研发=research development; 大学=university;
    学院=institute; 科学院=academy of sciences; 工程院=academy of engineering; 实验室=laboratory; 银行=bank;
    工业=industry|industrial; 工业集团=industry group; 实业=industrial|enterprise|industry; 产业=industry|industries;
    重工=heavy industry; 国际=international; 贸易=trading|trade; 商贸=trading|trade;
    经贸=economic trade|economic and trade; 进出口=import export|import and export; 外贸=foreign trade;
    物流=logistics; 供应链=supply chain; 货运=freight; 运输=transport|transportation; 航运=shipping; 海运=shipping;
    船务=shipping; 船舶=shipbuilding; 造船=shipbuilding; 代理=agency|forwarding; 航空=aviation; 航天=aerospace|space;
    航空航天=aerospace|space; 兵器=ordnance; 核=nuclear; 核工业=nuclear industry; 机械=machinery|machine;
    设备=equipment; 装备=equipment; 仪器=instruments|instrument; 仪表=instruments; 精密=precision;
    材料=materials|material; 新材料=new materials|new material; 化工=chemical|chemicals; 化学=chemical; 能源=energy;
    石油=petroleum|oil; 石化=petrochemical; 天然气=natural gas; 电力=power; 电气=electric|electrical;
    电器=electric appliances; 动力=power; 自动化=automation; 激光=laser; 光学=optical;
    通信=communication|telecommunication; 通讯=communication|communications; 网络=network|networks;
    信息=information|info; 软件=software; 半导体=semiconductor; 集成电路=integrated circuit; 智能=intelligent|smart;
    系统=systems|system; 数据=data; 数码=digital; 工程=engineering; 建设=construction; 建筑=construction;
    投资=investment|investments; 管理=management; 服务=services|service; 咨询=consulting|consultancy;
    发展=development; 开发=development; 制造=manufacturing; 生物=biological; 医药=pharmaceutical|medicine;
    制药=pharmaceutical; 汽车=automobile; 矿业=mining; 钢铁=steel; 金属=metals; 有色金属=nonferrous metals;
    机电=electromechanical; 无人机=uav; 飞机=aircraft; 导弹=missile; 卫星=satellite; 导航=navigation; 雷达=radar;
    部=ministry; 国防=defence; 国防部=ministry of defence; 公安=public security; 公安部=ministry of public security;
    安全部=ministry of security; 委员会=commission; 中心=centre; 工厂=factory; 厂=factory; 商行=trading company;
    商店=store; 贸易行=trading company; 企业=enterprise; 协会=association; 基金会=foundation; 基金=fund;
    证券=securities; 保险=insurance; 金融=financial; 资本=capital; 资产=asset; 国有=state owned; 军=military;
    军事=military; 军工=military industry; 解放军=liberation army; 部队=army unit; 海军=navy; 空军=air force;
    陆军=army; 火箭军=rocket force; 国家=state; 电信=telecom; 电视=television; 广播=broadcasting; 传媒=media;
    媒体=media; 新闻=news; 出版社=publishing house; 环球=global; 全球=global; 控制=control;
    测控=measurement and control; 测试=testing; 检测=testing; 计算机=computer; 电脑=computer; 机器人=robotics;
    模具=moulds; 零部件=components|parts; 元器件=components; 配件=parts; 器材=equipment; 数控=cnc; 机床=machine tool;
    机器=machine; 发动机=engine; 空间=space; 宇航=aerospace; 科贸=technology trade; 创新=innovation; 高科=high tech;
    科学=science; 科学技术=science and technology; 新材=new materials; 石油化工=petrochemical; 海洋=marine; 港口=port;
    船厂=shipyard; 造船厂=shipyard; 五金=hardware; 塑料=plastics; 橡胶=rubber; 纺织=textiles; 食品=food;
    农业=agriculture; 渔业=fishery; 有限公司=company limited; 分公司=branch; 办事处=office; 通用=general;
    代表处=representative office; 货运代理=freight forwarding; 国际货运=international freight;
    国际物流=international logistics; 生产=production; 兵团=corps; 建设兵团=construction corps; 局=bureau;
    公安局=public security bureau; 安全局=security bureau; 管理局=administration; 总局=general administration;
    研究会=society; 工作室=studio; 事务所=firm; 合作社=cooperative; 医院=hospital; 学校=school; 联合会=federation;
    联合=united; 有限责任=limited liability; 股份公司=joint stock company; 电子元件=electronic components;
    元件=components; 光电科技=optoelectronic technology; 芯片=chips; 电源=power supply;
    电池=battery; 电机=motors; 传感器=sensors; 传感=sensing; 光纤=optical fiber; 控制系统=control systems;
    安防=security; 安全=security; 防务=defence; 武器=weapons; 弹药=ammunition; 火药=explosives; 炸药=explosives;
    爆破=blasting; 航空工业=aviation industry; 航空器=aircraft; 直升机=helicopter; 舰船=ships; 船运=shipping;
    海事=maritime; 远洋=ocean shipping; 集运=container; 集装箱=container; 油轮=tanker; 能源科技=energy technology;
    新能源=new energy; 光伏=photovoltaic; 矿产=minerals; 冶金=metallurgy; 稀土=rare earth; 化学品=chemicals;
    药业=pharmaceutical; 生物科技=biotechnology; 生物技术=biotechnology; 医疗=medical; 器械=equipment;
    进出口贸易=import export trading|import and export trade; 国际贸易=international trading|international trade;
    实业发展=industrial development; 商务=business; 商业=commercial; 贸易发展=trading development;
    投资控股=investment holdings; 资源=resources; 环境=environment; 环保=environmental protection; 水务=water;
    农产品=agricultural products; 烟草=tobacco; 酒店=hotel; 旅游=tourism; 航空公司=airlines; 航空运输=air transport;
    铁路=railway; 隧道=tunnel; 桥梁=bridge; 路桥=road and bridge; 港务=port; 码头=terminal; 仓储=warehousing;
    快递=express; 电子商务=e commerce; 网络科技=network technology; 信息技术=information technology;
    信息科技=information technology; 数字=digital; 人工智能=artificial intelligence; 视觉=vision; 图像=imaging;
    影像=imaging; 安全技术=security technology; 卫星通信=satellite communication; 无线=wireless;
    通信技术=communication technology; 精密机械=precision machinery; 工具=tools;
    刀具=cutting tools; 轴承=bearings; 阀门=valves; 管道=pipeline; 钻井=drilling; 勘探=exploration; 油田=oilfield;
    油气=oil and gas; 燃气=gas;
    工贸=industry and trade|industrial and trade; 经济=economic; 技术开发=technology development;
    开发区=development zone; 高新=high tech; 文化=culture; 传播=communication; 教育=education; 设计=design;
    装饰=decoration; 印刷=printing; 包装=packaging; 家具=furniture; 服装=garments; 鞋业=shoes; 玩具=toys;
    礼品=gifts; 照明=lighting; 电缆=cable; 电线=wire; 线缆=cable; 液压=hydraulic; 气动=pneumatic; 焊接=welding;
    铸造=casting; 锻造=forging; 精工=precision; 重型=heavy; 汽配=auto parts; 摩托=motorcycle; 游艇=yacht;
    水产=aquatic products; 粮油=grain and oil; 饲料=feed; 化肥=fertilizer; 农药=pesticide; 种业=seeds;
    畜牧=animal husbandry; 乳业=dairy; 饮料=beverage; 酒业=wine; 茶业=tea; 矿山=mining; 煤炭=coal; 煤业=coal;
    焦化=coking; 电站=power station; 发电=power generation; 核电=nuclear power; 风电=wind power; 水电=hydropower;
    热电=thermal power; 电网=power grid; 储运=storage and transportation; 报关=customs brokerage; 供应=supply;
    销售=sales; 营销=marketing; 批发=wholesale; 零售=retail; 超市=supermarket; 连锁=chain;
    家电=home appliances; 云计算=cloud computing; 大数据=big data; 区块链=blockchain; 物联网=internet of things;
    互联网=internet; 电商=e commerce; 游戏=games; 影视=film and television; 娱乐=entertainment; 体育=sports;
    健康=health; 医学=medical; 生命科学=life sciences; 基因=genetics; 疫苗=vaccine; 试剂=reagents;
    检验=inspection; 认证=certification; 监测=monitoring; 安装=installation; 维修=repair; 租赁=leasing;
    融资=financing; 担保=guarantee; 期货=futures; 基金管理=fund management; 资产管理=asset management;
    保理=factoring; 典当=pawn; 小额贷款=microfinance; 人寿=life insurance; 房地产=real estate; 置业=real estate;
    地产=property; 物业=property management; 酒店管理=hotel management; 餐饮=catering; 旅行社=travel agency;
    人力资源=human resources; 劳务=labour services; 外包=outsourcing; 会计师事务所=accounting firm;
    律师事务所=law firm;
""")

OTHER_WORDS: Mapping[str, str] = word_table("""
    中国=china|sino; 中华=china|sino; 中华人民共和国=people's republic of china; 人民=people; 共和国=republic;
    北京=beijing; 香港=hong kong|hk; 上海=shanghai; 天津=tianjin; 重庆=chongqing; 深圳=shenzhen; 广州=guangzhou;
    澳门=macau|macao; 台湾=taiwan; 市=; 省=; 县=; 区=; 新=new; 东方=oriental; 华南=south china; 华北=north china;
    华东=east china; 河北=hebei; 山西=shanxi; 辽宁=liaoning; 吉林=jilin; 黑龙江=heilongjiang; 江苏=jiangsu;
    浙江=zhejiang; 安徽=anhui; 福建=fujian; 江西=jiangxi; 山东=shandong; 河南=henan; 湖北=hubei; 湖南=hunan;
    广东=guangdong; 海南=hainan; 四川=sichuan; 贵州=guizhou; 云南=yunnan; 陕西=shaanxi; 甘肃=gansu; 青海=qinghai;
    内蒙古=inner mongolia; 广西=guangxi; 西藏=tibet; 宁夏=ningxia; 新疆=xinjiang; 南京=nanjing; 杭州=hangzhou;
    武汉=wuhan; 成都=chengdu; 西安=xian; 沈阳=shenyang; 大连=dalian; 青岛=qingdao; 厦门=xiamen; 宁波=ningbo;
    苏州=suzhou; 无锡=wuxi; 长沙=changsha; 郑州=zhengzhou; 哈尔滨=harbin; 珠海=zhuhai; 东莞=dongguan; 佛山=foshan;
    合肥=hefei; 济南=jinan; 福州=fuzhou; 昆明=kunming; 台北=taipei; 西北=northwest; 西南=southwest; 东北=northeast;
    和=and; 与=and; 及=and; 第=no; 亚洲=asia; 欧洲=europe; 亚欧=asia europe; 欧亚=eurasia; 美国=america|us;
    英国=uk|britain; 俄罗斯=russia; 伊朗=iran; 朝鲜=korea|dprk; 日本=japan; 新加坡=singapore; 马来西亚=malaysia;
    泰国=thailand; 越南=vietnam; 印度=india; 阿联酋=uae; 迪拜=dubai; 南方=southern; 北方=northern;
    烟台=yantai; 温州=wenzhou; 泉州=quanzhou; 绍兴=shaoxing; 金华=jinhua; 常州=changzhou; 南通=nantong; 扬州=yangzhou;
    徐州=xuzhou; 潍坊=weifang; 淄博=zibo; 威海=weihai; 洛阳=luoyang; 太原=taiyuan; 石家庄=shijiazhuang;
    呼和浩特=hohhot; 乌鲁木齐=urumqi; 兰州=lanzhou; 西宁=xining; 银川=yinchuan; 南宁=nanning; 贵阳=guiyang;
    拉萨=lhasa; 南昌=nanchang; 长春=changchun; 绵阳=mianyang; 九龙=kowloon; 新界=new territories; 湾仔=wan chai;
    中环=central; 尖沙咀=tsim sha tsui; 旺角=mong kok; 观塘=kwun tong; 荃湾=tsuen wan; 沙田=sha tin; 屯门=tuen mun;
    元朗=yuen long; 葵涌=kwai chung; 亚太=asia pacific;
""")

# Words that name a kind of organisation (of those above): at the end of a short name they say it is one.
HEAD_WORDS = frozenset(word for word in word_table("""
    公司=x; 总公司=x; 集团=x; 集团公司=x; 有限公司=x; 股份公司=x; 分公司=x; 银行=x; 大学=x; 学院=x; 学校=x; 研究所=x;
    研究院=x; 研究中心=x; 研究会=x; 科学院=x; 工程院=x; 实验室=x; 委员会=x; 工厂=x; 商行=x; 商店=x; 贸易行=x; 企业=x;
    协会=x; 基金会=x; 联合会=x; 出版社=x; 部队=x; 办事处=x; 代表处=x; 船厂=x; 造船厂=x; 公安局=x; 安全局=x; 管理局=x;
    总局=x; 国防部=x; 公安部=x; 安全部=x; 事务所=x; 合作社=x; 医院=x; 航空公司=x; 工作室=x;
"""))

_WORDS = {**OTHER_WORDS, **ORG_WORDS}
_LONGEST = max(map(len, _WORDS))


def choices(english: str) -> tuple[str, ...]:
    """The English words a table entry offers, the usual first ("china|sino" -> ("china", "sino"))."""
    return tuple(choice.strip() for choice in english.split("|"))


def translate(chars: str) -> str | None:
    """The table's English for one word of simplified characters, or None."""
    return _WORDS.get(chars)


def segment(text: str) -> list[tuple[str, str | None, bool]]:
    """Greedy longest-match cut of simplified characters: (chars, English or None, marks an organisation)."""
    out: list[tuple[str, str | None, bool]] = []
    i = 0
    while i < len(text):
        for size in range(min(_LONGEST, len(text) - i), 0, -1):
            piece = text[i:i + size]
            if piece in _WORDS:
                out.append((piece, _WORDS[piece], piece in ORG_WORDS and size > 1))  # 军 is a given name too
                i += size
                break
        else:
            out.append((text[i], None, False))
            i += 1
    return out
