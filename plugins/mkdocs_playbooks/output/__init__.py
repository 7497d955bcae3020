"""Floor 2: what a reader receives: the pages, the words, the page data the script reads,
sanitising, the browser assets. Imports only the core."""
