import { PublishProblems as PublishProblems_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { SlugField as SlugField_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { MoneyCell as MoneyCell_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { MoneyField as MoneyField_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { StripeLink as StripeLink_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { ReadOnlyText as ReadOnlyText_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { PurchaseActions as PurchaseActions_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { DisputeEvidence as DisputeEvidence_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { StaffActionLog as StaffActionLog_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { StripeEventTypeCell as StripeEventTypeCell_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { StripeEventTypeField as StripeEventTypeField_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { ReplayStripeEvent as ReplayStripeEvent_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { ReconcileNow as ReconcileNow_73a45259e546e324faff8d0b3275adcc } from 'payload-plugin-storefront/client'
import { SalesPanel as SalesPanel_226f2fbcf8669d813a8c89e8c3ab7c54 } from 'payload-plugin-storefront/rsc'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { ShopUnauthorizedView as ShopUnauthorizedView_4ddaa268e0352879c4d48e577c02d0f1 } from '../../../../src/components/admin/ShopUnauthorizedView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "payload-plugin-storefront/client#PublishProblems": PublishProblems_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#SlugField": SlugField_73a45259e546e324faff8d0b3275adcc,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "payload-plugin-storefront/client#MoneyCell": MoneyCell_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#MoneyField": MoneyField_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#StripeLink": StripeLink_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#ReadOnlyText": ReadOnlyText_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#PurchaseActions": PurchaseActions_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#DisputeEvidence": DisputeEvidence_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#StaffActionLog": StaffActionLog_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#StripeEventTypeCell": StripeEventTypeCell_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#StripeEventTypeField": StripeEventTypeField_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#ReplayStripeEvent": ReplayStripeEvent_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/client#ReconcileNow": ReconcileNow_73a45259e546e324faff8d0b3275adcc,
  "payload-plugin-storefront/rsc#SalesPanel": SalesPanel_226f2fbcf8669d813a8c89e8c3ab7c54,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/src/components/admin/ShopUnauthorizedView#ShopUnauthorizedView": ShopUnauthorizedView_4ddaa268e0352879c4d48e577c02d0f1,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
