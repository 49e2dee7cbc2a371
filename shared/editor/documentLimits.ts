/**
 * How deep the server reads a document's tree of blocks (a blockquote in a list item in a
 * blockquote …): real writing nests a few levels; past this, the server keeps the text of what
 * lies deeper as one paragraph. Its walks over the tree (the editor binding, ProseMirror, the
 * exports) recurse, and a tree thousands deep, which any editor can sync, overflows the stack.
 */
export const MAX_DOCUMENT_DEPTH = 40;
