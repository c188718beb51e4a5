// Vigie needs no script for its core pages; this file is the home of progressive enhancements.
