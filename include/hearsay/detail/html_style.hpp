// The style sheet of the HTML page (html.hpp): system fonts only, nothing from the network. Each
// status has a colour and a second cue that works without colour (underline style and icon).
// Paragraphs off screen are not laid out (content-visibility), so that a long article renders
// fast; the paragraph under the pointer or holding the focus is shown whole, so that the tip of
// its claim is not clipped at the paragraph's edge.
#ifndef HEARSAY_DETAIL_HTML_STYLE_HPP
#define HEARSAY_DETAIL_HTML_STYLE_HPP

#include <string_view>

namespace hearsay::detail {

inline constexpr std::string_view html_style = R"css(
:root{--confirmed:#17692f;--reported:#1d4fa3;--alleged:#9a4a00}
*{box-sizing:border-box}
body{margin:0;font:17px/1.65 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
color:#1a1a1a;background:#fff;display:grid;grid-template-columns:minmax(0,1fr)}
a{color:#1d4fa3}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;z-index:20}
#toc{grid-column:1;grid-row:1;position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;
padding:1rem;border-right:1px solid #ddd;font-size:14px}
#toc ol{padding-left:1.2rem}
main{grid-column:-2;grid-row:1;min-width:0}
header.page{padding:.6rem 2rem;border-bottom:1px solid #ddd}
header.page h1{font-size:1.2rem;margin:0}
article{display:grid;grid-template-columns:minmax(0,46rem) 17rem;gap:2rem;padding:1rem 2rem 2rem;
border-bottom:1px solid #ddd}
article>h2{grid-column:1/-1;margin:.3rem 0;font-size:1.1rem;word-break:break-all}
.text p{margin:0 0 1em;content-visibility:auto;contain-intrinsic-size:auto 5em}
.text p:hover,.text p:focus-within{content-visibility:visible}
aside{position:sticky;top:0;align-self:start;font-size:14px;line-height:1.4;max-height:100vh;
overflow:auto;padding:.4rem 0}
aside h3{font-size:13px;margin:.9rem 0 .3rem;text-transform:uppercase;letter-spacing:.04em;color:#444}
aside table{border-collapse:collapse;width:100%}
aside td{padding:1px 4px;vertical-align:top}aside td.n{text-align:right;font-variant-numeric:tabular-nums}
aside ol{margin:0;padding-left:1.3rem}
.bar{display:inline-block;height:.7em;background:#999;vertical-align:middle}
.claim{position:relative;text-decoration-line:underline;text-decoration-thickness:2px;
text-underline-offset:3px;border-radius:2px;outline-offset:1px}
.claim::before,.key::before{font-size:.72em;font-weight:700;margin-right:.12em;vertical-align:.35em}
.st-confirmed{background:#e2f3e6;text-decoration-style:solid;text-decoration-color:var(--confirmed)}
.st-confirmed::before{content:"\2713";color:var(--confirmed)}
.st-reported{background:#e3ecfa;text-decoration-style:dashed;text-decoration-color:var(--reported)}
.st-reported::before{content:"\275D";color:var(--reported)}
.st-alleged{background:#fcebd9;text-decoration-style:wavy;text-decoration-color:var(--alleged)}
.st-alleged::before{content:"?";color:var(--alleged)}
.key{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px;padding:0 2px}
.src{font-weight:700;border:1px solid #777;border-radius:3px;padding:0 2px}
.src.anon{border-style:dashed}
.cue{font-style:italic;border-bottom:2px dotted #444}
.claim:hover,.claim:focus{outline:2px solid #222}
.claim:hover::after,.claim:focus::after{content:attr(data-tip);position:absolute;left:0;top:100%;
z-index:10;width:max-content;max-width:min(34rem,90vw);white-space:pre-line;background:#222;color:#fff;
padding:.45rem .65rem;border-radius:4px;font:13px/1.45 system-ui,"DejaVu Sans",sans-serif;
font-style:normal;font-weight:400;text-decoration:none;pointer-events:none}
@media (max-width:60rem){article{grid-template-columns:minmax(0,1fr)}aside{position:static}
#toc{grid-row:auto;position:static;border:0}}
@media print{.claim::after{display:none}aside{position:static}}
)css";

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_HTML_STYLE_HPP
