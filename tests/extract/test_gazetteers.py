"""The reference data in ontology/: regions, agencies, officials and programs.

The extractors find entities by these labels, so the checks here are about the labels: every
individual is fully labelled, no alias is shared by two regions or is too short to be safe, every
link points at something that exists, and the names the real articles use resolve.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, SKOS

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
SCHEMA = Namespace("https://schema.org/")
SS = Namespace("https://w3id.org/sscard-kg/ontology#")
REGION = Namespace("https://w3id.org/sscard-kg/id/region/")
AGENCY = Namespace("https://w3id.org/sscard-kg/id/agency/")
PERSON = Namespace("https://w3id.org/sscard-kg/id/person/")
PROGRAM = Namespace("https://w3id.org/sscard-kg/id/program/")

FILES = {
    "regions.ttl": SCHEMA.AdministrativeArea,
    "agencies.ttl": SCHEMA.GovernmentOrganization,
    "officials.ttl": SCHEMA.Person,
    "programs.ttl": SKOS.Concept,
}
LANGS = ("zh-Hans", "zh-Hant", "en")
LEVELS = {"country", "province", "city", "district", "grouping", "new-area", "corps"}


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    out = {}
    for name in FILES:
        graph = Graph()
        graph.parse(ONTOLOGY / name, format="turtle")
        out[name] = graph
    return out


@pytest.fixture(scope="module")
def everything(graphs) -> Graph:
    merged = Graph()
    for graph in graphs.values():
        merged += graph
    return merged


def individuals(graph: Graph, cls) -> list[URIRef]:
    return sorted(set(graph.subjects(RDF.type, cls)))


def labels(graph: Graph, node) -> list[Literal]:
    return [l for p in (SKOS.prefLabel, SKOS.altLabel) for l in graph.objects(node, p)]


def index(graph: Graph) -> dict[str, set[URIRef]]:
    """Every label, as written, to the individuals carrying it."""
    out: dict[str, set[URIRef]] = defaultdict(set)
    for node in set(graph.subjects(SKOS.prefLabel, None)):
        for label in labels(graph, node):
            out[str(label)].add(node)
    return out


@pytest.mark.parametrize("name", sorted(FILES))
def test_file_parses_and_has_individuals(graphs, name):
    assert len(individuals(graphs[name], FILES[name])) > 0


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_individual_is_named_and_labelled_in_three_scripts(graphs, name):
    graph = graphs[name]
    for node in individuals(graph, FILES[name]):
        assert (node, RDF.type, OWL.NamedIndividual) in graph, node
        prefs = list(graph.objects(node, SKOS.prefLabel))
        for lang in LANGS:
            of_lang = [p for p in prefs if isinstance(p, Literal) and p.language == lang]
            assert len(of_lang) == 1, f"{node}: {len(of_lang)} prefLabels @{lang}"
        for label in graph.objects(node, SKOS.altLabel):
            assert isinstance(label, Literal) and label.language in LANGS, (node, label)


@pytest.mark.parametrize("name", sorted(FILES))
def test_local_names_are_ascii_slugs(graphs, name):
    for node in individuals(graphs[name], FILES[name]):
        local = str(node).rsplit("/", 1)[-1]
        assert local.isascii() and local == local.lower() and " " not in local, node
        assert all(c.isalnum() or c == "-" for c in local), node


@pytest.mark.parametrize("name", sorted(FILES))
def test_aliases_are_at_least_two_characters(graphs, name):
    graph = graphs[name]
    for node in set(graph.subjects(SKOS.prefLabel, None)):
        for label in labels(graph, node):
            assert len(str(label).strip()) >= 2, (node, str(label))
            assert str(label) == str(label).strip(), (node, str(label))


def test_no_two_regions_share_an_alias(graphs):
    owners: dict[str, set[URIRef]] = defaultdict(set)
    graph = graphs["regions.ttl"]
    for node in individuals(graph, SCHEMA.AdministrativeArea):
        for label in labels(graph, node):
            owners[str(label).casefold()].add(node)
    shared = {label: sorted(nodes) for label, nodes in owners.items() if len(nodes) > 1}
    assert not shared


@pytest.mark.parametrize("name", ["agencies.ttl", "officials.ttl", "programs.ttl"])
def test_no_alias_names_two_entities_of_one_kind(graphs, name):
    graph = graphs[name]
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for node in individuals(graph, FILES[name]):
        for label in labels(graph, node):
            owners[str(label).casefold()].add(node)
    assert not {label: nodes for label, nodes in owners.items() if len(nodes) > 1}


def test_links_point_at_existing_individuals(everything):
    known = set(everything.subjects(RDF.type, OWL.NamedIndividual))
    for predicate in (SCHEMA.containedInPlace, SCHEMA.containsPlace, SCHEMA.parentOrganization,
                      SCHEMA.affiliation, SKOS.broader, SKOS.inScheme, SKOS.topConceptOf):
        for subject, target in everything.subject_objects(predicate):
            assert target in known, f"{subject} {predicate} {target}: no such individual"


def test_region_levels_and_containment(graphs):
    graph = graphs["regions.ttl"]
    by_level: dict[str, list] = defaultdict(list)
    for node in individuals(graph, SCHEMA.AdministrativeArea):
        level = graph.value(node, SS.regionLevel)
        assert level is not None and str(level) in LEVELS, node
        by_level[str(level)].append(node)
        if str(level) in {"province", "city", "district", "new-area"}:
            assert graph.value(node, SCHEMA.containedInPlace) is not None, node
    assert len(by_level["province"]) == 34
    assert len(by_level["city"]) >= 333
    for province in by_level["province"]:
        assert graph.value(province, SCHEMA.containedInPlace) == REGION.china
    for node in by_level["city"]:
        parent = graph.value(node, SCHEMA.containedInPlace)
        assert str(graph.value(parent, SS.regionLevel)) == "province", node
    for node in by_level["grouping"]:
        assert list(graph.objects(node, SCHEMA.containsPlace)), node


def test_whole_country_words_are_not_region_aliases(graphs):
    names = index(graphs["regions.ttl"])
    for word in ("全国", "全國", "nationwide", "东北", "我国", "粤", "川"):
        assert word not in names, word
    china = {str(l) for l in labels(graphs["regions.ttl"], REGION.china)}
    assert china == {"中国", "中國", "China"}


def test_wikidata_links_are_few_and_well_formed(everything):
    for subject, target in everything.subject_objects(OWL.sameAs):
        assert str(target).startswith("http://www.wikidata.org/entity/Q"), (subject, target)
    assert (REGION.china, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q148")) in everything
    assert (REGION.guangdong, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q15175")) in everything


# Names as the seed and dev articles write them (Simplified, Traditional, English, machine
# translation), with the individual each must resolve to.
RESOLVES = {
    "regions.ttl": {
        REGION["sichuan-chongqing"]: ["川渝", "川渝地区", "Sichuan-Chongqing"],
        REGION["greater-bay-area"]: ["粤港澳大湾区", "大湾区", "Greater Bay Area"],
        REGION.xiongan: ["雄安新区", "雄安新區", "Xiong'an New Area"],
        REGION["yangtze-river-delta"]: ["长三角", "长三角地区", "長三角地區", "Yangtze River Delta"],
        REGION["beijing-tianjin-hebei"]: ["京津冀", "Beijing-Tianjin-Hebei"],
        REGION.guangdong: ["广东", "广东省", "廣東", "Guangdong", "Guangdong Province"],
        REGION.zhongshan: ["中山", "中山市", "Zhongshan"],
        REGION.jiangmen: ["江门", "江門"],
        REGION.xinyu: ["新余", "新余市"],
        REGION.qingdao: ["青岛", "青島"],
        REGION.fuzhou: ["福州"],
        REGION.chengdu: ["成都", "成都市"],
        REGION.shijiazhuang: ["石家庄", "Shijiazhuang"],
        REGION.beijing: ["北京", "北京市", "Beijing"],
        REGION.tianjin: ["天津", "Tianjin"],
        REGION.hebei: ["河北", "Hebei Province"],
        REGION.shanghai: ["上海", "Shanghai"],
        REGION.chongqing: ["重庆", "重庆市", "重慶市"],
        REGION.sichuan: ["四川", "四川省"],
        REGION.jiangxi: ["江西"],
        REGION.zhejiang: ["浙江"],
        REGION.qinghai: ["青海"],
        REGION.hainan: ["海南"],
        REGION.xinjiang: ["新疆", "新疆维吾尔自治区"],
        REGION.xizang: ["西藏", "Tibet"],
        REGION["hong-kong"]: ["香港", "Hong Kong"],
        REGION.macao: ["澳门", "澳門", "Macao", "Macau"],
        REGION["haidian-district"]: ["海淀区"],
        REGION["fangshan-district"]: ["房山区"],
        REGION["chaoyang-district"]: ["朝阳区"],
        REGION["three-regions-three-prefectures"]: ["三区三州", "Three Districts and Three States"],
        REGION.china: ["中国", "China"],
    },
    "agencies.ttl": {
        AGENCY.mohrss: ["人社部", "人力资源和社会保障部", "人力资源社会保障部", "人力資源社會保障部",
                        "国家人力资源和社会保障部", "國家人力資源和社會保障部", "中国人力资源和社会保障部",
                        "国家人社部", "Ministry of Human Resources and Social Security",
                        "Ministry of Human Resources and Social Affairs", "Ministry of Social Affairs"],
        AGENCY["mohrss-information-center"]: ["人社部信息中心", "人力资源社会保障部信息中心",
                                              "人力資源社會保障部信息中心"],
        AGENCY["mohrss-policy-research"]: ["政策研究司"],
        AGENCY["mohrss-general-office"]: ["人社部办公厅", "人力资源社会保障部办公厅",
                                          "General Office of the Ministry of Human Resources and Social Security"],
        AGENCY["mohrss-employment-promotion"]: ["就业促进司", "就業促進司"],
        AGENCY.molss: ["劳动保障部", "勞動保障部"],
        AGENCY.pbc: ["人民银行", "人民銀行", "People's Bank of China", "People’s Bank of China", "PBC", "central bank"],
        AGENCY.nhsa: ["国家医保局"],
        AGENCY.nbs: ["国家统计局", "國家統計局"],
        AGENCY["state-council"]: ["国务院", "State Council"],
        AGENCY["state-council-general-office"]: ["国办", "國辦"],
        AGENCY.scio: ["国新办", "State Council Information Office"],
        AGENCY["cpc-publicity-department"]: ["中宣部"],
        AGENCY.cass: ["社科院", "社科院", "Chinese Academy of Social Sciences"],
        AGENCY["guangdong-hrss"]: ["广东省人力资源和社会保障厅"],
        AGENCY["guangdong-social-insurance-fund-bureau"]: ["广东省社保基金管理局"],
        AGENCY["beijing-hrss"]: ["北京市人力资源和社会保障局", "北京市人社局"],
    },
    "officials.ttl": {
        PERSON["lu-aihong"]: ["卢爱红", "盧愛紅", "Lu Aihong", "Aihong Lu"],
        PERSON["song-jingyan"]: ["宋京燕"],
        PERSON["chen-feng"]: ["陈锋", "陳峰", "Chen Feng"],
        PERSON["cui-pengcheng"]: ["崔鹏程", "崔鵬程"],
        PERSON["yin-weimin"]: ["尹蔚民"],
        PERSON["hu-xiaoyi"]: ["胡晓义", "Hu Xiaoyi"],
        PERSON["li-zhong"]: ["李忠"],
        PERSON["zhang-ying"]: ["张莹"],
        PERSON["song-xin"]: ["宋鑫"],
        PERSON["li-dongrong"]: ["李东荣", "Li Dongrong"],
        PERSON["que-guangchang"]: ["阙广长"],
        PERSON["yang-wenlong"]: ["杨文龙"],
        PERSON["wang-yanzhong"]: ["Wang Yanzhong"],
        PERSON["xi-jinping"]: ["Xi Jinping"],
    },
    "programs.ttl": {
        PROGRAM["social-security-card"]: ["社保卡", "社会保障卡", "社會保障卡", "social security card"],
        PROGRAM["electronic-social-security-card"]: ["电子社保卡", "電子社保卡", "electronic social security card",
                                                     "电子社会保险卡", "電子社會保險卡"],
        PROGRAM["third-generation-social-security-card"]: ["第三代社保卡", "第三代社会保障卡"],
        PROGRAM["one-card-resident-services"]: ["一卡通", "社会保障卡居民服务“一卡通”", "one card"],
        PROGRAM["cross-provincial-services"]: ["跨省通办"],
        PROGRAM["cross-provincial-medical-settlement"]: ["跨省异地就医直接结算", "跨省異地就醫直接結算"],
        PROGRAM["national-government-service-platform"]: ["国家政务服务平台", "國家政務服務平臺"],
        PROGRAM["zhangshang-12333"]: ["掌上12333"],
        PROGRAM["national-social-insurance-public-service-platform"]: ["全国社会保险公共服务平台", "社会保险公共服务平台",
                                                                      "national social insurance public service platform"],
        PROGRAM["three-supports-one-assistance"]: ["三支一扶", "Three Supports and One Support"],
        PROGRAM["internet-plus-hrss"]: ["互联网+人社", "“互联网+人社”2020行动计划", "互聯網+人社",
                                        "Internet + Human Resources and Social Security",
                                        "Internet Plus human resources and social security"],
        PROGRAM["digital-hrss"]: ["数字人社", "數字人社"],
        PROGRAM["basic-pension-insurance"]: ["基本养老保险", "basic pension insurance", "basic endowment insurance"],
        PROGRAM["unemployment-insurance"]: ["失业保险", "unemployment insurance"],
        PROGRAM["work-injury-insurance"]: ["工伤保险", "work-related injury insurance", "employment injury insurance",
                                           "workers' compensation", "workers’ compensation"],
        PROGRAM["maternity-insurance"]: ["生育保险", "生育保險", "maternity insurance"],
        PROGRAM["long-term-care-insurance"]: ["长期护理保险", "長期護理保險", "长护险", "long-term care insurance"],
        PROGRAM["enterprise-annuity"]: ["企业年金", "企業年金", "enterprise annuity"],
        PROGRAM["occupational-annuity"]: ["职业年金", "職業年金", "occupational annuity"],
        PROGRAM["individual-pension"]: ["个人养老金", "individual pension system", "personal pension"],
        PROGRAM["occupational-injury-protection"]: ["职业伤害保障", "職業傷害保障", "新就业形态就业人员职业伤害保障",
                                                    "occupational injury protection"],
        PROGRAM["eradicate-wage-arrears"]: ["根治欠薪"],
        PROGRAM["wage-arrears-reporting-platform"]: ["全国根治欠薪线索反映平台"],
    },
}


@pytest.mark.parametrize("name", sorted(RESOLVES))
def test_names_from_the_articles_resolve(graphs, name):
    names = index(graphs[name])
    for node, forms in RESOLVES[name].items():
        for form in forms:
            assert names.get(form) == {node}, f"{form!r} should name {node}, names {names.get(form)}"


def test_programs_form_one_scheme(graphs):
    graph = graphs["programs.ttl"]
    scheme = PROGRAM.scheme
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    for node in individuals(graph, SKOS.Concept):
        assert (node, SKOS.inScheme, scheme) in graph, node


def test_the_corps_is_not_the_province(graphs):
    names = index(graphs["regions.ttl"])
    assert names["新疆生产建设兵团"] == {REGION.xpcc}
