import Testing
@testable import RapportCore

@Suite struct PinyinTests {
    @Test func sortKey_readsNamesInPinyin() {
        #expect(Pinyin.sortKey("阿里巴巴") == "a li ba ba")
        #expect(Pinyin.sortKey("上海浦东发展银行") == "shang hai pu dong fa zhan yin hang")
        #expect(Pinyin.sortKey("重庆长安汽车") == "chong qing chang an qi che")
        #expect(Pinyin.sortKey("Apple 苹果（中国）") == "apple ping guo zhong guo")
        #expect(Pinyin.sortKey("Éclair Café") == "eclair cafe")
        #expect(Pinyin.sortKey("3M 中国") == "3m zhong guo")
    }

    /// Chinese and Latin names interleave by letter, not by code point (上 U+4E0A sorted first before).
    @Test func sortKeys_orderChineseNamesByPinyin() {
        let names = ["上海申通", "北京百度", "阿里巴巴", "Zeta Ltd", "Apple", "杭州海康", "深圳腾讯", "Baker & Co"]
        let sorted = names.sorted { Pinyin.sortKey($0) < Pinyin.sortKey($1) }
        #expect(sorted == ["阿里巴巴", "Apple", "Baker & Co", "北京百度", "杭州海康", "上海申通", "深圳腾讯", "Zeta Ltd"])
    }

    @Test func searchForms_areFullPinyinAndInitials() {
        #expect(Pinyin.searchForms("阿里巴巴") == ["alibaba", "albb"])
        #expect(Pinyin.searchForms("ABC公司") == ["abcgongsi", "abcgs"])
        #expect(Pinyin.searchForms("Harbour Trading") == [])
        #expect(Pinyin.hasHan("宁波") && !Pinyin.hasHan("Ningbo"))
    }

    /// The search document carries the pinyin forms, so the gram query and the substring check both find them.
    @Test func searchDocuments_holdPinyin() {
        let documents = SearchText.documents(for: ["阿里巴巴网络技术有限公司", "13800000000", ""])
        #expect(documents.plain.contains("alibabawangluojishuyouxiangongsi") && documents.plain.contains("albbwljsyxgs"))
        #expect(documents.grams.split(separator: " ").contains("al") && documents.grams.split(separator: " ").contains("bb"))
    }
}
