// The page of `hearsay eval --html` (see eval_report.hpp).
#include "eval_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "hearsay/detail/escape.hpp"
#include "hearsay/text.hpp"

namespace cli {
namespace {

std::string fixed(double v, int digits = 3) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

std::string esc(std::string_view s) { return hearsay::detail::escaped(hearsay::repair_utf8(s)); }

constexpr std::string_view style = R"css(
body{margin:2rem;font:15px/1.5 system-ui,"DejaVu Sans",sans-serif;color:#1a1a1a;max-width:70rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}
th,td{padding:3px 10px;border:1px solid #ccc;text-align:right;font-variant-numeric:tabular-nums}
th{background:#f3f3f3}td.l,th.l{text-align:left}
.confusion td{min-width:5rem}.confusion td.diag{font-weight:700;outline:2px solid #17692f}
.note{color:#555;max-width:48rem}
svg text{font:12px system-ui,"DejaVu Sans",sans-serif}
)css";

void prf_row(std::ostream& out, std::string_view label, const hearsay::prf& p) {
  out << "<tr><td class=\"l\">" << label << "</td><td>" << fixed(p.precision()) << "</td><td>"
      << fixed(p.recall()) << "</td><td>" << fixed(p.f1()) << "</td><td>" << p.correct
      << "</td><td>" << p.predicted << "</td><td>" << p.gold << "</td></tr>\n";
}

void share_row(std::ostream& out, std::string_view label, const hearsay::accuracy& a) {
  out << "<tr><td class=\"l\">" << label << "</td><td>"
      << (a.empty() ? std::string("-") : fixed(a.value())) << "</td><td>" << a.correct
      << "</td><td>" << a.total << "</td></tr>\n";
}

void score_tables(std::ostream& out, const hearsay::scores& s) {
  out << "<table><tr><th class=\"l\"></th><th>P</th><th>R</th><th>F1</th><th>correct</th>"
         "<th>predicted</th><th>gold</th></tr>\n";
  prf_row(out, "sentences", s.sentences);
  prf_row(out, "claims", s.claims);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto st = static_cast<hearsay::status>(i);
    prf_row(out, "status " + std::string(hearsay::to_string(st)), s.of(st));
  }
  prf_row(out, "alleged sentences", s.alleged_sentences);
  prf_row(out, "cues", s.cues);
  out << "</table>\n<table><tr><th class=\"l\"></th><th>share</th><th>right</th><th>of</th></tr>\n";
  share_row(out, "span exact", s.span_exact);
  share_row(out, "status accuracy", s.status);
  share_row(out, "chain exact", s.chain_exact);
  share_row(out, "end to end", s.end_to_end);
  share_row(out, "certainty", s.certainty);
  share_row(out, "polarity", s.polarity);
  share_row(out, "quote", s.quote);
  out << "<tr><td class=\"l\">status macro-F1</td><td>" << fixed(s.status_macro_f1())
      << "</td><td></td><td></td></tr></table>\n";
}

void confusion_table(std::ostream& out, const hearsay::scores& s) {
  static constexpr const char* names[] = {"confirmed", "reported", "alleged"};
  out << "<table class=\"confusion\"><tr><th class=\"l\">gold \\ predicted</th>";
  for (const char* n : names) out << "<th>" << n << "</th>";
  out << "<th>missed</th><th>gold total</th></tr>\n";
  for (std::size_t g = 0; g < 4; ++g) {
    std::size_t row_total = 0;
    for (std::size_t p = 0; p < 4; ++p) row_total += s.confusion[g][p];
    out << "<tr><th class=\"l\">" << (g < 3 ? names[g] : "spurious") << "</th>";
    for (std::size_t p = 0; p < 4; ++p) {
      if (g == 3 && p == 3) {
        out << "<td></td>";
        continue;
      }
      const std::size_t n = s.confusion[g][p];
      const double share = row_total ? static_cast<double>(n) / static_cast<double>(row_total) : 0;
      // Shade by the share of the row: how the gold claims of a status were labelled.
      const int light = 100 - static_cast<int>(std::lround(share * 45));
      out << "<td" << (g == p ? " class=\"diag\"" : "") << " style=\"background:hsl("
          << (g == p ? 140 : 20) << ",55%," << light << "%)\" title=\"" << fixed(share * 100, 1)
          << "% of the row\">" << n << "</td>";
    }
    out << "<td>" << (g < 3 ? std::to_string(row_total) : "") << "</td></tr>\n";
  }
  out << "</table>\n";
}

void reliability_svg(std::ostream& out, const std::vector<calibration_bin>& bins) {
  // 10 bins over [0, 1] on x, the share right on y; the diagonal is perfect calibration.
  const int left = 50, top = 15, size = 300;
  out << "<svg role=\"img\" aria-label=\"Reliability diagram\" width=\"" << left + size + 30
      << "\" height=\"" << top + size + 45 << "\" viewBox=\"0 0 " << left + size + 30 << ' '
      << top + size + 45 << "\">\n";
  out << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << size << "\" height=\"" << size
      << "\" fill=\"#fafafa\" stroke=\"#999\"/>\n";
  for (int i = 0; i <= 10; i += 2) {
    const double v = i / 10.0;
    const int x = left + i * size / 10, y = top + size - i * size / 10;
    out << "<text x=\"" << x << "\" y=\"" << top + size + 16 << "\" text-anchor=\"middle\">"
        << fixed(v, 1) << "</text><text x=\"" << left - 6 << "\" y=\"" << y + 4
        << "\" text-anchor=\"end\">" << fixed(v, 1) << "</text>\n";
  }
  for (const calibration_bin& b : bins) {
    if (!b.claims) continue;
    const double acc = static_cast<double>(b.right) / static_cast<double>(b.claims);
    const double x = left + b.low * size, w = (b.high - b.low) * size;
    const double h = acc * size;
    out << "<rect class=\"bin\" x=\"" << fixed(x + 1, 1) << "\" y=\"" << fixed(top + size - h, 1)
        << "\" width=\"" << fixed(w - 2, 1) << "\" height=\"" << fixed(h, 1)
        << "\" fill=\"#1d4fa3\" fill-opacity=\"0.75\"><title>confidence " << fixed(b.low, 1) << "-"
        << fixed(b.high, 1) << ": " << b.right << " of " << b.claims << " right (" << fixed(acc)
        << "), mean confidence " << fixed(b.mean_confidence) << "</title></rect>\n";
    out << "<text x=\"" << fixed(x + w / 2, 1) << "\" y=\"" << fixed(top + size - h - 4, 1)
        << "\" text-anchor=\"middle\">" << b.claims << "</text>\n";
  }
  out << "<line x1=\"" << left << "\" y1=\"" << top + size << "\" x2=\"" << left + size
      << "\" y2=\"" << top << "\" stroke=\"#9a4a00\" stroke-dasharray=\"5 4\"/>\n";
  out << "<text x=\"" << left + size / 2 << "\" y=\"" << top + size + 36
      << "\" text-anchor=\"middle\">confidence</text>\n";
  out << "<text transform=\"rotate(-90)\" x=\"" << -(top + size / 2) << "\" y=\"14\" "
      << "text-anchor=\"middle\">share right (status and chain)</text>\n</svg>\n";
}

}  // namespace

std::vector<calibration_bin> calibration_bins(const std::vector<reliability_point>& points) {
  std::vector<calibration_bin> bins(10);
  for (std::size_t i = 0; i < bins.size(); ++i) {
    bins[i].low = static_cast<double>(i) / 10.0;
    bins[i].high = static_cast<double>(i + 1) / 10.0;
  }
  for (const reliability_point& p : points) {
    const double c = std::clamp(std::isfinite(p.confidence) ? p.confidence : 0.0, 0.0, 1.0);
    calibration_bin& b = bins[std::min<std::size_t>(static_cast<std::size_t>(c * 10), 9)];
    ++b.claims;
    b.right += p.right;
    b.mean_confidence += c;
  }
  for (calibration_bin& b : bins) {
    if (b.claims) b.mean_confidence /= static_cast<double>(b.claims);
  }
  return bins;
}

double expected_calibration_error(const std::vector<calibration_bin>& bins) {
  std::size_t total = 0;
  double sum = 0;
  for (const calibration_bin& b : bins) {
    if (!b.claims) continue;
    total += b.claims;
    const double acc = static_cast<double>(b.right) / static_cast<double>(b.claims);
    sum += static_cast<double>(b.claims) * std::fabs(acc - b.mean_confidence);
  }
  return total ? sum / static_cast<double>(total) : 0;
}

void write_eval_report(std::ostream& out, const eval_report& report) {
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'\"><title>hearsay eval</title><style>"
      << style << "</style></head><body>\n<h1>hearsay eval: " << report.overall.documents
      << " documents in " << report.files.size() << (report.files.size() == 1 ? " file" : " files")
      << "</h1>\n";
  out << "<h2>Scores (SPEC section 6)</h2>\n";
  score_tables(out, report.overall);
  if (report.files.size() > 1) {
    out << "<h2>Per file</h2><table><tr><th class=\"l\">file</th><th>documents</th>"
           "<th>claims F1</th><th>status macro-F1</th><th>chain exact</th><th>end to end</th>"
           "</tr>\n";
    for (const auto& [path, s] : report.files) {
      out << "<tr><td class=\"l\">" << esc(path) << "</td><td>" << s.documents << "</td><td>"
          << fixed(s.claims.f1()) << "</td><td>" << fixed(s.status_macro_f1()) << "</td><td>"
          << fixed(s.chain_exact.value()) << "</td><td>" << fixed(s.end_to_end.value())
          << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  out << "<h2>Confusion matrix by status</h2>\n<p class=\"note\">Rows: the gold status of each "
         "non-optional gold claim (and, last, predictions matching no gold claim); columns: the "
         "status predicted for it (and, last, gold claims no prediction matched). The shade is "
         "the share of the row.</p>\n";
  confusion_table(out, report.overall);
  const std::vector<calibration_bin> bins = calibration_bins(report.points);
  out << "<h2>Reliability diagram</h2>\n<p class=\"note\">" << report.points.size()
      << " matched claims (predictions matched to non-optional gold claims, as in the "
         "calibration that <code>hearsay eval</code> prints), in ten equal-width bins of "
         "confidence; a bar's height is the share of its claims whose status and chain are both "
         "right, the number above it how many claims it holds, the dashed line perfect "
         "calibration. Expected calibration error: <strong id=\"ece\">"
      << fixed(expected_calibration_error(bins)) << "</strong>.";
  if (!report.has_confidence) {
    out << " <strong>The analysis carries no confidence</strong> (SPEC section 7): every "
           "claim is drawn at confidence 1, which is what an output without it asserts, so the "
           "diagram shows a single bar, and the calibration error is the share of claims whose "
           "status or chain is wrong.";
  }
  out << "</p>\n";
  reliability_svg(out, bins);
  out << "</body></html>\n";
}

}  // namespace cli
