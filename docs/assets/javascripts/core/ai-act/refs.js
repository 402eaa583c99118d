/*
 * Legal references of the decision aid in their short, language-neutral form, as the command
 * line prints them: "Art. 26(7)", "Art. 6(3)(a)", "Annex III 5(a)", "2016/679 Art. 22".
 * The same text as compact() in hooks/offentligai/ai_act/refs.py (tests/js/ai-act checks
 * both on every reference of the data). The page gets its citations and links from the build.
 */

const DEFAULT_ACT = "ai-act";

function parts(value) {
  const [first, last] = String(value).split("-");
  return [first, last || null];
}

/** The short form of `ref`; `acts` are the acts of the data ({id, eli, …}). */
export function compactRef(ref, acts) {
  let text;
  if (ref.recital !== undefined) {
    text = `Recital ${ref.recital}`;
  } else if (ref.annex !== undefined) {
    text = `Annex ${ref.annex}`;
    if (ref.section !== undefined) text += ` Section ${ref.section}`;
    if (ref.para !== undefined) text += ` ${ref.para}${ref.point !== undefined ? `(${ref.point})` : ""}`;
  } else {
    const [first, last] = parts(ref.art);
    text = last ? `Arts ${first}-${last}` : `Art. ${first}`;
    if (ref.para !== undefined) {
      const [paraFirst, paraLast] = parts(ref.para);
      text += `(${paraFirst})${paraLast ? `-(${paraLast})` : ""}`;
    }
    if (ref.point !== undefined) text += `(${ref.point})`;
    if (ref.subpara !== undefined) text += ` subpara ${ref.subpara}`;
  }
  const act = ref.act || DEFAULT_ACT;
  if (act === DEFAULT_ACT) return text;
  const eli = acts.find((item) => item.id === act).eli;
  return `${eli.slice(eli.indexOf("/") + 1)} ${text}`;
}
