// The HTML page: self-contained, every claim once with its status, chain and tip, everything
// escaped, a table of contents for several documents.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"
#include "hearsay/detail/explain.hpp"
#include "hearsay/html.hpp"
#include "hearsay/text.hpp"

namespace {

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

std::string unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    std::string out;
    std::size_t at = 0;
    for (std::size_t hit = s.find(from); hit != std::string::npos; hit = s.find(from, at)) {
      out.append(s, at, hit - at);
      out += to;
      at = hit + std::string(from).size();
    }
    out.append(s, at);
    s = out;
  }
  return s;
}

// The value of attribute `name` in the tag starting at `at`.
std::string attribute(const std::string& page, std::size_t at, const std::string& name) {
  const std::size_t tag_end = page.find('>', at);
  const std::size_t a = page.find(" " + name + "=\"", at);
  BOOST_REQUIRE(a != std::string::npos && a < tag_end);
  const std::size_t begin = a + name.size() + 3;
  return unescape(page.substr(begin, page.find('"', begin) - begin));
}

// The text inside the element whose start tag is at `at` (nested spans stripped).
std::string element_text(const std::string& page, std::size_t at) {
  std::size_t i = page.find('>', at) + 1;
  int depth = 1;
  std::string text;
  while (i < page.size() && depth > 0) {
    if (page[i] == '<') {
      depth += page[i + 1] == '/' ? -1 : 1;
      i = page.find('>', i) + 1;
      continue;
    }
    text += page[i++];
  }
  return unescape(text);
}

struct shown_claim {
  std::string status, text, tip;
  nlohmann::json chain;
};

std::vector<shown_claim> claims_of(const std::string& page) {
  std::vector<shown_claim> out;
  const std::string start = "<span class=\"claim ";
  for (std::size_t at = page.find(start); at != std::string::npos; at = page.find(start, at + 1)) {
    out.push_back({attribute(page, at, "data-status"), element_text(page, at),
                   attribute(page, at, "data-tip"),
                   nlohmann::json::parse(attribute(page, at, "data-chain"))});
  }
  return out;
}

std::string sample_text() {
  return hearsay::read_file(std::string(HEARSAY_SOURCE_DIR) + "/data/sample/article.txt");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html)

BOOST_AUTO_TEST_CASE(page_shows_every_claim_once_with_its_status_chain_and_tip) {
  const hearsay::document doc = hearsay::analyzer().analyze(sample_text(), "article");
  const std::string page = hearsay::to_html({doc}, "sample");
  const std::vector<shown_claim> shown = claims_of(page);
  BOOST_REQUIRE_EQUAL(shown.size(), doc.claims.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const hearsay::claim& c = doc.claims[i];
    BOOST_TEST(shown[i].text == doc.view(c.where));
    BOOST_TEST(shown[i].status == hearsay::to_string(c.status));
    BOOST_REQUIRE_EQUAL(shown[i].chain.size(), c.chain.size());
    std::size_t at = 0;  // the tip lists the chain outermost first
    for (std::size_t k = 0; k < c.chain.size(); ++k) {
      const std::string src(doc.view(c.chain[k].source.where));
      BOOST_TEST(shown[i].chain[k].get<std::string>() == src);
      const std::string line = std::to_string(k + 1) + ". " + (src.empty() ? "(" : src);
      at = shown[i].tip.find(line, at);
      BOOST_TEST(at != std::string::npos, line);
    }
    BOOST_TEST(shown[i].tip.find(std::string(hearsay::to_string(c.certainty))) !=
               std::string::npos);
    BOOST_TEST(shown[i].tip.find(std::string(hearsay::to_string(c.polarity))) != std::string::npos);
  }
  // Reached by keyboard as well as by the mouse.
  BOOST_TEST(count(page, "tabindex=\"0\"") == doc.claims.size());
  BOOST_TEST(page.find(".claim:hover::after,.claim:focus::after") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(page_is_self_contained) {
  const std::string page =
      hearsay::to_html({hearsay::analyzer().analyze(sample_text(), "article")}, "sample");
  BOOST_TEST(page.rfind("<!DOCTYPE html>", 0) == 0);
  for (const char* outside :
       {"http://", "https://", "<script", "<link", "<img", "src=", "@import", "url(", "<iframe"}) {
    BOOST_TEST(page.find(outside) == std::string::npos, outside);
  }
  BOOST_TEST(page.find("default-src 'none'") != std::string::npos);  // and the browser enforces it
}

BOOST_AUTO_TEST_CASE(text_ids_and_title_are_escaped) {
  const std::string text =
      "Officials said <script>alert(1)</script> & \"rents\" rose.\n\nThe <b>firm</b> denied it.";
  const hearsay::document doc = hearsay::analyzer().analyze(text, "x\"><script>");
  const std::string page = hearsay::to_html({doc}, "</title><script>");
  BOOST_TEST(count(page, "<script") == 0u);
  BOOST_TEST(count(page, "<b>") == 0u);
  BOOST_TEST(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;rents&quot;") !=
             std::string::npos);
  BOOST_TEST(page.find("<title>&lt;/title&gt;&lt;script&gt;</title>") != std::string::npos);
  BOOST_TEST(page.find("data-id=\"x&quot;&gt;&lt;script&gt;\"") != std::string::npos);
  for (const shown_claim& c : claims_of(page)) {
    BOOST_TEST(text.find(c.text) != std::string::npos, c.text);
  }
}

BOOST_AUTO_TEST_CASE(side_panel_counts_claims_by_status_and_innermost_source) {
  const hearsay::document doc = hearsay::analyzer().analyze(sample_text(), "article");
  const std::string page = hearsay::to_html({doc});
  std::size_t by_status[3] = {0, 0, 0};
  for (const hearsay::claim& c : doc.claims) ++by_status[static_cast<int>(c.status)];
  for (int s = 0; s < 3; ++s) {
    const std::string name(hearsay::to_string(static_cast<hearsay::status>(s)));
    const std::string row = "<span class=\"key st-" + name + "\">" + name +
                            "</span></td><td class=\"n\">" + std::to_string(by_status[s]) + "<";
    BOOST_TEST(page.find(row) != std::string::npos, row);
  }
  BOOST_TEST(page.find("Innermost source by kind") != std::string::npos);
  BOOST_TEST(page.find("<h3>Legend</h3>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(several_documents_get_a_table_of_contents) {
  const hearsay::analyzer an;
  const std::string page = hearsay::to_html(
      {an.analyze("Officials said it rained.", "one"), an.analyze("It rained.", "two")});
  BOOST_TEST(page.find("<nav id=\"toc\"") != std::string::npos);
  BOOST_TEST(page.find("<a href=\"#doc-1\">one</a>") != std::string::npos);
  BOOST_TEST(page.find("<a href=\"#doc-2\">two</a>") != std::string::npos);
  BOOST_TEST(page.find("<article id=\"doc-2\"") != std::string::npos);
  const std::string single = hearsay::to_html({an.analyze("It rained.", "one")});
  BOOST_TEST(single.find("<nav") == std::string::npos);
}

// Claims as other work will extend hearsay::claim (SPEC 7 and 8), in two plausible shapes.
struct explained_claim {
  double confidence = 0.75;
  struct {
    std::string rule = "verb-cue.source-left";
  } evidence;
  std::vector<std::string> flags{"anonymous", "single_source"};
};
struct optionally_explained_claim {
  std::optional<double> confidence;
  std::optional<explained_claim> evidence_holder;
  std::vector<std::string_view> flags;
};

BOOST_AUTO_TEST_CASE(explanation_fields_are_read_when_the_claim_has_them) {
  const explained_claim e;
  BOOST_TEST(hearsay::detail::confidence_of(e).value() == 0.75);
  BOOST_TEST(hearsay::detail::rule_of(e).value() == "verb-cue.source-left");
  BOOST_TEST(hearsay::detail::flags_of(e).value() ==
                 (std::vector<std::string>{"anonymous", "single_source"}),
             boost::test_tools::per_element());
  optionally_explained_claim o;
  BOOST_TEST(!hearsay::detail::confidence_of(o).has_value());
  o.confidence = 0.5;
  BOOST_TEST(hearsay::detail::confidence_of(o).value() == 0.5);
  BOOST_TEST(!hearsay::detail::rule_of(o).has_value());
  BOOST_TEST(hearsay::detail::flags_of(o).value().empty());
}

BOOST_AUTO_TEST_SUITE_END()
