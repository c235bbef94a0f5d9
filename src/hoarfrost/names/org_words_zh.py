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
`OTHER_WORDS` are translated too but do not on their own.
"""

from __future__ import annotations

from collections.abc import Mapping

from hoarfrost.names.word_tables import word_table

ORG_WORDS: Mapping[str, str] = word_table("""
    公司=company; 总公司=corporation; 集团=group; 集团公司=group corporation; 有限=limited; 股份=; 责任=;
    控股=holdings; 科技=technology; 技术=technology; 高科技=high technology; 高新技术=high technology;
    电子=electronics; 微电子=microelectronics; 光电=optoelectronics; 光电子=optoelectronics;
    电子科技=electronics technology; 研究所=research institute; 研究院=research institute;
    研究中心=research centre; 研究=research; 研发=research development; 大学=university; 学院=institute;
    科学院=academy of sciences; 工程院=academy of engineering; 实验室=laboratory; 银行=bank; 工业=industry;
    工业集团=industry group; 实业=industrial; 产业=industry; 重工=heavy industry; 国际=international;
    贸易=trading; 商贸=trading; 经贸=economic trade; 进出口=import export; 外贸=foreign trade; 物流=logistics;
    供应链=supply chain; 货运=freight; 运输=transport; 航运=shipping; 海运=shipping; 船务=shipping;
    船舶=shipbuilding; 造船=shipbuilding; 代理=agency; 航空=aviation; 航天=aerospace; 航空航天=aerospace;
    兵器=ordnance; 核=nuclear; 核工业=nuclear industry; 机械=machinery; 设备=equipment; 装备=equipment;
    仪器=instruments; 仪表=instruments; 精密=precision; 材料=materials; 新材料=new materials; 化工=chemical;
    化学=chemical; 能源=energy; 石油=petroleum; 石化=petrochemical; 天然气=natural gas; 电力=power;
    电气=electric; 电器=electric appliances; 动力=power; 自动化=automation; 激光=laser; 光学=optical;
    通信=communication; 通讯=communication; 网络=network; 信息=information; 软件=software; 半导体=semiconductor;
    集成电路=integrated circuit; 智能=intelligent; 系统=systems; 数据=data; 数码=digital; 工程=engineering;
    建设=construction; 建筑=construction; 投资=investment; 管理=management; 服务=services; 咨询=consulting;
    发展=development; 开发=development; 制造=manufacturing; 生物=biological; 医药=pharmaceutical;
    制药=pharmaceutical; 汽车=automobile; 矿业=mining; 钢铁=steel; 金属=metals; 有色金属=nonferrous metals;
    机电=electromechanical; 无人机=uav; 飞机=aircraft; 导弹=missile; 卫星=satellite; 导航=navigation;
    雷达=radar; 部=ministry; 国防=defence; 国防部=ministry of defence; 公安=public security;
    公安部=ministry of public security; 安全部=ministry of security; 委员会=commission; 中心=centre;
    工厂=factory; 厂=factory; 商行=trading company; 商店=store; 贸易行=trading company; 企业=enterprise;
    协会=association; 基金会=foundation; 基金=fund; 证券=securities; 保险=insurance; 金融=financial;
    资本=capital; 资产=asset; 国有=state owned; 军=military; 军事=military; 军工=military industry;
    解放军=liberation army; 部队=army unit; 海军=navy; 空军=air force; 陆军=army; 火箭军=rocket force;
    国家=state; 电信=telecom; 电视=television; 广播=broadcasting; 传媒=media; 媒体=media; 新闻=news;
    出版社=publishing house; 环球=global; 全球=global; 控制=control; 测控=measurement and control; 测试=testing;
    检测=testing; 计算机=computer; 电脑=computer; 机器人=robotics; 模具=moulds; 零部件=components;
    元器件=components; 配件=parts; 器材=equipment; 数控=cnc; 机床=machine tool; 机器=machine; 发动机=engine;
    空间=space; 宇航=aerospace; 科贸=technology trade; 创新=innovation; 高科=high tech; 科学=science;
    科学技术=science and technology; 新材=new materials; 石油化工=petrochemical; 海洋=marine; 港口=port;
    船厂=shipyard; 造船厂=shipyard; 五金=hardware; 塑料=plastics; 橡胶=rubber; 纺织=textiles; 食品=food;
    农业=agriculture; 渔业=fishery; 有限公司=company limited; 分公司=branch; 办事处=office;
    代表处=representative office;
""")

OTHER_WORDS: Mapping[str, str] = word_table("""
    中国=china; 中华=china; 中华人民共和国=people's republic of china; 人民=people; 共和国=republic;
    北京=beijing; 香港=hong kong; 上海=shanghai; 天津=tianjin; 重庆=chongqing; 深圳=shenzhen; 广州=guangzhou;
    澳门=macau; 台湾=taiwan; 市=; 省=; 县=; 区=; 新=new; 东方=oriental; 华南=south china; 华北=north china;
    华东=east china; 河北=hebei; 山西=shanxi; 辽宁=liaoning; 吉林=jilin; 黑龙江=heilongjiang; 江苏=jiangsu;
    浙江=zhejiang; 安徽=anhui; 福建=fujian; 江西=jiangxi; 山东=shandong; 河南=henan; 湖北=hubei; 湖南=hunan;
    广东=guangdong; 海南=hainan; 四川=sichuan; 贵州=guizhou; 云南=yunnan; 陕西=shaanxi; 甘肃=gansu;
    青海=qinghai; 内蒙古=inner mongolia; 广西=guangxi; 西藏=tibet; 宁夏=ningxia; 新疆=xinjiang; 南京=nanjing;
    杭州=hangzhou; 武汉=wuhan; 成都=chengdu; 西安=xian; 沈阳=shenyang; 大连=dalian; 青岛=qingdao; 厦门=xiamen;
    宁波=ningbo; 苏州=suzhou; 无锡=wuxi; 长沙=changsha; 郑州=zhengzhou; 哈尔滨=harbin; 珠海=zhuhai;
    东莞=dongguan; 佛山=foshan; 合肥=hefei; 济南=jinan; 福州=fuzhou; 昆明=kunming; 台北=taipei; 西北=northwest;
    西南=southwest; 东北=northeast; 和=and; 与=and; 及=and; 第=no;
""")

_WORDS = {**OTHER_WORDS, **ORG_WORDS}
_LONGEST = max(map(len, _WORDS))


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
