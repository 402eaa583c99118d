"""Parts of AI-guiden that the build makes: the downloadable templates (``documents``)."""
