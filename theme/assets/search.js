// Search for /tim-kiem/ — filled in by the search issue. Without it the page links to the indexes.
