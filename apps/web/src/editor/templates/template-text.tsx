import { parseTemplate } from '@connectors/engine';
import { memo } from 'react';

/** Read-only text with its `{{ }}` parts highlighted (node cards, run views). */
export const TemplateText = memo(function TemplateText({
  text,
  className,
}: {
  text: string;
  className?: string;
}) {
  let parts: ReturnType<typeof parseTemplate>;
  try {
    parts = parseTemplate(text);
  } catch {
    return <span className={className}>{text}</span>;
  }
  return (
    <span className={className}>
      {parts.map((part, i) =>
        part.kind === 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
          <span key={i}>{part.text}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
          <span key={i} className="tpl-expr">
            {`{{${part.source}}}`}
          </span>
        ),
      )}
    </span>
  );
});
