import { Fragment } from 'react';

/** `text` with the `terms` it holds marked, longest terms first (the search's own segmentation). */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const words = [...new Set(terms.filter((w) => w.trim().length > 0))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return <>{text}</>;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'gi'));
  let offset = 0;
  return (
    <>
      {parts.map((p) => {
        const key = offset;
        offset += p.length;
        return words.some((w) => w.toLowerCase() === p.toLowerCase()) ? <mark key={key}>{p}</mark> : <Fragment key={key}>{p}</Fragment>;
      })}
    </>
  );
}
