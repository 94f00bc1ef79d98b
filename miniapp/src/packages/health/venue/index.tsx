// 场所码申领: register a venue as the legal representative of its business (the 营业执照's credit code), with its
// name, its district picked from the division codes (地市 → 区县) and its address; its code as a QR (on H5 a link that
// opens 扫码签到) to save as a picture with the venue's name under it or, on H5, to print; and my venues, each with its
// QR on demand.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DivisionPicker } from '../../../components/division-picker'
import { BusyButton, FieldError, SubmitButton } from '../../../components/form-controls'
import { type TextFieldSpec, TextFields } from '../../../components/text-fields'
import { Item } from '../../../components/query-rows'
import { QueryList } from '../../../components/query-view'
import { QrCode } from '../../../components/qr-code'
import { formatDateTime } from '../../../format'
import { type VenueField, useVenueForm } from '../../../hooks/use-venue-form'
import { useVenuePicture } from '../../../hooks/use-venue-picture'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import { appOrigin } from '../../../platform'
import type { Venue } from '../../../services/health-code'
import { venueQrText } from '../../../venue-link'
import '../../../components/query-page.scss'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

const BUSINESS: Array<TextFieldSpec<VenueField>> = [
  { field: 'creditCode', text: 'healthCode.venue.creditCode', max: 18, inputClass: 'page-venue__input--credit-code' },
  { field: 'name', text: 'healthCode.venue.name', max: 60, inputClass: 'page-venue__input--name' },
]
const ADDRESS: Array<TextFieldSpec<VenueField>> = [
  { field: 'address', text: 'healthCode.venue.address', max: 120, inputClass: 'page-venue__input--address' },
]

/** The QR's text: on H5 a link to this app's check-in page (a phone camera opens it), elsewhere the code itself. */
const qrText = (venue: Venue) => venueQrText(venue.code, appOrigin())

function VenueCode({ venue }: { venue: Venue }) {
  const t = useT()
  const text = qrText(venue)
  const picture = useVenuePicture({ venueId: venue.venueId, name: venue.name, qrText: text })
  return (
    <View className="page-venue__code" id={picture.sectionId}>
      <Text className="page-venue__code-name">{venue.name}</Text>
      <QrCode text={text} label={t('healthCode.venue.codeTitle')} />
      <View className="ysx-visually-hidden page-venue__qr-text" data-testid="venue-qr-text">
        {text}
      </View>
      <Text className="page-venue__hint page-venue__no-print">{t('healthCode.venue.codeHint')}</Text>
      <View className="page-venue__keep page-venue__no-print">
        <BusyButton
          className="page-venue__save"
          busy={picture.state.status === 'saving'}
          label={t('healthCode.venue.save')}
          busyLabel={t('healthCode.venue.saving')}
          onClick={picture.save}
        />
        {picture.canPrint ? (
          <Button className="page-venue__print" fill="outline" type="primary" onClick={picture.print}>
            {t('healthCode.venue.print')}
          </Button>
        ) : null}
      </View>
      {picture.state.status === 'saved' || picture.state.status === 'failed' ? (
        <View
          className={`page-venue__no-print page-venue__saved page-venue__saved--${picture.state.status}`}
          role="status"
        >
          <Text>{picture.state.message}</Text>
        </View>
      ) : null}
    </View>
  )
}

/** One of my venues: its name, address and registration time, and its QR on demand. */
function MyVenue({ venue, open, onToggle }: { venue: Venue; open: boolean; onToggle: () => void }) {
  const t = useT()
  return (
    <Item
      className="page-venue__item"
      title={venue.name}
      side={
        <Button size="small" fill="outline" type="primary" onClick={onToggle}>
          {open ? t('healthCode.venue.hide') : t('healthCode.venue.show')}
        </Button>
      }
      meta={[
        `${venue.area} ${venue.address}`,
        t('healthCode.venue.createdAt', { time: formatDateTime(venue.createdAt) }),
      ]}
    >
      {open ? <VenueCode venue={venue} /> : null}
    </Item>
  )
}

export default function VenuePage() {
  usePageTitle('healthCode.venue.title')
  const t = useT()
  const form = useVenueForm()
  const [open, setOpen] = useState<string | null>(null)

  return (
    <View className={`ysx-page ysx-query page-venue ${careClass()}`}>
      <View className="ysx-card">
        <Text className="page-venue__intro">{t('healthCode.venue.intro')}</Text>
        <Text className="page-venue__hint page-venue__representative">{t('healthCode.venue.representativeHint')}</Text>
        <TextFields block="page-venue" fields={BUSINESS} form={form.inputs} fieldClass="page-venue__field" />
        <DivisionPicker
          block="page-venue"
          scope="venue"
          value={form.area.value}
          onChange={form.area.set}
          error={form.area.error}
          labels={{
            title: t('healthCode.venue.area'),
            first: t('healthCode.venue.city'),
            second: t('healthCode.venue.district'),
            pickFirst: t('healthCode.venue.pickCity'),
            pickSecond: t('healthCode.venue.pickDistrict'),
          }}
        />
        <TextFields block="page-venue" fields={ADDRESS} form={form.inputs} fieldClass="page-venue__field" />
        <FieldError className="page-venue__error" text={form.failure} />
        <SubmitButton className="page-venue__submit" form={form} texts="healthCode.venue" />
      </View>

      {form.created ? (
        <View className="ysx-card page-venue__created">
          <Text className="ysx-card__title">{t('healthCode.venue.codeTitle')}</Text>
          <VenueCode venue={form.created} />
        </View>
      ) : null}

      <Text className="page-venue__mine-title">{t('healthCode.venue.mine')}</Text>
      <QueryList block="page-venue" query={form.mine} items={(d) => d.venues} empty={t('healthCode.venue.none')}>
        {(venue) => (
          <MyVenue
            key={venue.venueId}
            venue={venue}
            open={open === venue.venueId}
            onToggle={() => setOpen(open === venue.venueId ? null : venue.venueId)}
          />
        )}
      </QueryList>
    </View>
  )
}
