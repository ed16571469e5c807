// What an uploaded file is, told by its content (and, between Markdown and plain text, by its name).
export enum DocumentFormat {
  Pdf = 'pdf',
  Docx = 'docx',
  Markdown = 'markdown',
  Text = 'text',
}
