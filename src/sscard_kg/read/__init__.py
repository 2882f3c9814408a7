"""Reading: files, folders and URLs in, one `Article` each (its text, format, language and page metadata)."""
