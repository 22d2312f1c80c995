import type { branding as fr } from '../fr/branding';

/** The Branding screen. */
export const branding: typeof fr = {
  brandingTitle: 'Portal branding and texts',
  brandingIntro: 'The preview shows the sign-in page as it will be once saved.',
  coloursLegend: 'Colours',
  primaryColorLabel: 'Primary colour',
  primaryColorHint: 'Header rule, links and the SUBMIT button.',
  accentColorLabel: 'Accent colour',
  colorPicker: (label) => `${label}: colour picker`,
  imagesLegend: 'Images',
  logoUrlLabel: 'Logo (address)',
  faviconUrlLabel: 'Tab icon (address)',
  imageUploadLabel: { logo: 'Logo (file)', favicon: 'Tab icon (file)' },
  imageRules: (maxKb: number) =>
    `PNG, JPEG or SVG, at most ${maxKb} KB. An SVG is cleaned (scripts, links and HTML content removed). An uploaded file takes the place of the address below.`,
  imageCurrent: (format: string, kb: string) => `Current image (${format}, ${kb} KB)`,
  imageChosen: 'Chosen image (not uploaded yet)',
  imageNone: 'No file uploaded: the address below, or the default image, applies.',
  imageUpload: 'Upload',
  imageUploading: 'Uploading…',
  imageRemove: 'Remove the file',
  imageUploaded: 'Image saved. The portal shows it already.',
  imageRemoved: 'File removed. The portal uses the address or the default image again.',
  imageChooseFirst: 'Choose a file first.',
  imageTooLarge: (maxKb: number) =>
    `This file is larger than ${maxKb} KB. Make the image smaller or export it again.`,
  imageWrongType:
    'This file is not a PNG, JPEG or SVG image (whatever its name). Choose another image.',
  imageSvgUnusable: 'Nothing of this SVG is left once cleaned. Export it again as a plain SVG.',
  imageUploadFailed: 'The upload did not go through. Try again.',
  urlOrPathHint: 'An https://… address or a portal path such as /logo.png. Leave empty for none.',
  textsLegend: 'Texts of the sign-in page',
  textsHint: 'An empty field uses the portal’s default text.',
  textsLanguage: 'Language of the texts',
  textLabel: {
    portalName: 'Portal name (header)',
    welcomeTitle: 'Welcome title',
    welcomeSubtitle: 'Subtitle',
    usernameHint: 'Help under the username',
    passwordHint: 'Help under the password',
    footer: 'Footer',
    signature: 'Email signature',
  },
  previewCaption: (language) => `Preview of the sign-in page (${language})`,
  livePortalCaption: (language) => `Live portal, as saved (${language})`,
  livePortalFrameTitle: (name) => `Live sign-in page of the ${name} portal`,
  livePortalHint: 'The real portal page, as it is served now; it reloads after each save.',
  livePortalUnavailable:
    'This portal has no address on the platform’s domain, so it cannot be shown here.',
  openPortalInNewTab: 'Open in a new tab',
};
