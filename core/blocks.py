"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .i18n import localized


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        preview_value = {"text": "Pencegahan ekstremisme kekerasan", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    attribution = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image with caption")
        preview_value = {"caption": "Peserta Sekolah Demokrasi berdiskusi", "attribution": "P3M"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Said by"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        preview_value = {
            "text": "Kerukunan dibangun lewat dialog, bukan lewat diam.",
            "attribution": "Peserta Sekolah Demokrasi (contoh)",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document link")
        preview_value = {"title": "Unduh modul (PDF)"}


class LinkStructValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            return localized(page).url
        return self.get("external_url") or ""

    def text(self):
        if self.get("label"):
            return self.get("label")
        page = self.text_page()
        return page.title if page else self.get("external_url")

    def text_page(self):
        """The page whose title is the link's text (when the link has no text of its own): the linked page in the
        active language, or the original when it has no translation, whose language then marks the link."""
        page = self.get("page")
        return localized(page) if page and not self.get("label") else None


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = blocks.TextBlock(label=_("Text"), required=False)
    label = blocks.CharBlock(label=_("Button text"), required=False, max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("External link"), required=False)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        value_class = LinkStructValue
        preview_value = {
            "title": "Bergabung dengan jejaring",
            "body": "Temukan alumni dan materi pelatihan.",
            "label": "Mulai",
            "external_url": "https://example.org/",
        }

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not result.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError(_("Choose a page or enter an external link."))}
            )
        return result


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Question or title"), max_length=200)
    body = blocks.RichTextBlock(label=_("Answer or text"), features=["bold", "italic", "link", "ol", "ul"])


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"))

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"
        label = _("Accordion")
        preview_value = {
            "title": "Pertanyaan umum",
            "items": [{"title": "Siapa yang bisa ikut?", "body": "<p>Aparatur, ormas, dan komunitas.</p>"}],
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4", "hr"],
        preview_value="<p>Sekolah Demokrasi mempertemukan aparatur, ormas, dan komunitas lintas iman.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Embedded media"),
        icon="media",
        template="blocks/embed_block.html",
        help_text=_("A YouTube or Vimeo link, for example."),
        preview_value="https://www.youtube.com/watch?v=mwrGSfiB1Mg",
    )
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()

    class Meta:
        label = _("Body")


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("x", "X"),
    ("youtube", "YouTube"),
    ("tiktok", "TikTok"),
    ("whatsapp", "WhatsApp"),
    ("website", _("Website")),
]


class SocialLinkStructValue(blocks.StructValue):
    def label(self):
        return dict(SOCIAL_NETWORKS).get(self.get("network"), self.get("network"))


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("Network"), choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        value_class = SocialLinkStructValue
        template = "blocks/social_link_block.html"
        preview_value = {"network": "instagram", "url": "https://www.instagram.com/"}


class PartnerLogoBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Partner name"), max_length=120)
    logo = ImageChooserBlock(label=_("Logo"), required=False)
    url = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "group"
        template = "blocks/partner_logo_block.html"
        preview_value = {"name": "P3M", "url": "https://example.org/"}


class NavigationLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("External link"), required=False)
    label = blocks.CharBlock(label=_("Text"), required=False, max_length=80)

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        template = "blocks/navigation_link_block.html"
        preview_value = {"label": "Kontak", "external_url": "https://example.org/"}
