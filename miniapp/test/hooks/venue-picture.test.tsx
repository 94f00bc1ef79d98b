/** @jest-environment jsdom */
// A 场所码 kept outside the app (useVenuePicture): saved as a picture of the QR with the venue's name under it — a PNG
// download on H5, the photo album on the weapp — with what happened said in words, and printed on H5 only (just the
// venue's code section).
import { act, renderHook, waitFor } from '@testing-library/react'
import { pictureFileName, printedSectionId, useVenuePicture } from '../../src/hooks/use-venue-picture'
import { t } from '../../src/i18n'
import { posterLayout } from '../../src/platform/qr-poster'
import { type Build, inBuild, pictures, resetPlatform } from '../platform-double'
import { resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

const VENUE = { venueId: 'v-1', name: '陶陶居 茶楼/总店', qrText: 'https://ysx.test/#/pages/check-in/index?v=YSXV1.x' }

beforeEach(() => {
  resetPlatform()
  resetPage()
})

it('names the file after the venue, without what a file system refuses', () => {
  expect(pictureFileName(VENUE.name)).toBe('陶陶居-茶楼-总店.png')
  expect(pictureFileName(' /?* ')).toBe('venue.png')
})

describe.each<[Build, 'download' | 'album', 'healthCode.venue.savedDownload' | 'healthCode.venue.savedAlbum']>([
  ['h5', 'download', 'healthCode.venue.savedDownload'],
  ['weapp', 'album', 'healthCode.venue.savedAlbum'],
])('%s', (build, to, savedKey) => {
  inBuild(build)

  it('saves the QR with the venue’s name under it and says where it went', async () => {
    const view = renderHook(() => useVenuePicture(VENUE))
    act(() => view.result.current.save())
    await waitFor(() => expect(view.result.current.state.status).toBe('saved'))
    const { width, height } = posterLayout(VENUE.qrText)
    expect(pictures.saved).toEqual([{ fileName: '陶陶居-茶楼-总店.png', width, height, texts: [VENUE.name], to }])
    expect(view.result.current.state).toEqual({ status: 'saved', message: t(savedKey) })
  })

  it('a picture that cannot be saved (no canvas, album refused) is said in words', async () => {
    pictures.saveFails = true
    const view = renderHook(() => useVenuePicture(VENUE))
    act(() => view.result.current.save())
    await waitFor(() => expect(view.result.current.state.status).toBe('failed'))
    expect(view.result.current.state).toEqual({ status: 'failed', message: t('healthCode.venue.saveFailed') })
  })

  it(`prints only this venue’s code section ${build === 'h5' ? 'in the browser' : 'nowhere: a mini-program cannot'}`, () => {
    const view = renderHook(() => useVenuePicture(VENUE))
    expect(view.result.current.canPrint).toBe(build === 'h5')
    expect(view.result.current.sectionId).toBe(printedSectionId('v-1'))
    act(() => view.result.current.print())
    expect(pictures.printed).toEqual(build === 'h5' ? ['venue-code-v-1'] : [])
  })
})
