// A 场所码 kept outside the app: saved as a picture (the QR with the venue's name under it — H5 downloads a PNG, the
// weapp saves it to the photo album) or, on H5, printed (only the code and the name: the print stylesheet in
// packages/health/venue/index.scss hides the rest of the page).
import { useState } from 'react'
import { t } from '../i18n'
import { canPrint, printSection, saveQrPicture } from '../platform'
import { drawPoster, posterLayout } from '../platform/qr-poster'

export type PictureState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; message: string }
  | { status: 'failed'; message: string }

/** What a venue's picture is made of: the QR's text and the name printed under it. */
export interface VenuePictureOf {
  venueId: string
  name: string
  qrText: string
}

/** A file name from the venue's name: letters kept, what a file system refuses (/ \ : * ? " < > |) and spaces → '-'. */
export const pictureFileName = (name: string): string =>
  `${name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'venue'}.png`

/** The id of the part of the page that is printed: the venue's code and name. */
export const printedSectionId = (venueId: string): string => `venue-code-${venueId}`

export function useVenuePicture(venue: VenuePictureOf) {
  const [state, setState] = useState<PictureState>({ status: 'idle' })

  async function save() {
    setState({ status: 'saving' })
    try {
      const { width, height } = posterLayout(venue.qrText)
      const to = await saveQrPicture({
        width,
        height,
        draw: (context) => void drawPoster(context, venue.qrText, venue.name),
        fileName: pictureFileName(venue.name),
      })
      setState({
        status: 'saved',
        message: to === 'album' ? t('healthCode.venue.savedAlbum') : t('healthCode.venue.savedDownload'),
      })
    } catch {
      setState({ status: 'failed', message: t('healthCode.venue.saveFailed') })
    }
  }

  return {
    state,
    save: () => void save(),
    /** Whether 打印 is offered (H5) */
    canPrint: canPrint(),
    print: () => printSection(printedSectionId(venue.venueId)),
    sectionId: printedSectionId(venue.venueId),
  }
}
