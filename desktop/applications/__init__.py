"""What an application holds beyond the facts: narratives, equipment, contacts, attachments.

This is the input of ``python -m desktop draft`` (``resources/schema/application.schema.json``)
and what the wizards fill in.
"""
