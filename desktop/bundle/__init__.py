"""The application bundle: one zip with the documents, the answers, the assessment and a manifest."""
