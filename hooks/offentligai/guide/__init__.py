"""Features of AI-guiden, the guide's chapters."""
