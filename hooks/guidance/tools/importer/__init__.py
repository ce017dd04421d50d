"""Bring an existing sheet (a Word document, a PDF or plain text) into the content as sheet.yml.

One job per module, in the order the work flows:
blocks.py (what every reader gives) <- text_reader.py, docx_reader.py, pdf_reader.py (a file into
blocks) -> furniture.py (the publisher's masthead and footer, left out) -> structure.py (sections)
-> ids.py (stable ids from the words) -> write.py (checked YAML with the report) <- cli.py.
"""
