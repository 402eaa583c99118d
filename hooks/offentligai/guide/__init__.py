"""Parts of AI-guiden that the build makes: dated situation boxes (``situations``) and the
downloadable templates (``documents``)."""
