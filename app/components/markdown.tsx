/** Shows HTML produced by renderMarkdown() on the server, which sanitized it. */
export function Markdown({ html, className = "" }: { html: string; className?: string }) {
  return <div className={`markdown ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
