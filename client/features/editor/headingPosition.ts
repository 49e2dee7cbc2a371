import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/**
 * Where the heading counted at top-level block `blockIndex` starts in `doc`. The counts lag
 * the document by a moment, so if that block is no longer the heading titled `title`, the
 * first heading with that title is taken instead; null when there is none.
 */
export function headingPosition(
  doc: ProseMirrorNode,
  blockIndex: number,
  title: string,
): number | null {
  let atIndex: number | null = null;
  let byTitle: number | null = null;
  doc.forEach((child, offset, index) => {
    if (child.type.name !== 'heading' || child.textContent !== title) return;
    if (index === blockIndex) atIndex = offset;
    byTitle ??= offset;
  });
  return atIndex ?? byTitle;
}
