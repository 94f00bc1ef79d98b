// 场所码申领: register a venue (name, area, address), its code as a QR to print (on H5 a link that opens 扫码签到),
// and my venues, each with its QR on demand.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { FieldError, SubmitButton } from '../../components/form-controls'
import { QueryView } from '../../components/query-view'
import { QrCode } from '../../components/qr-code'
import { formatDateTime } from '../../format'
import { type VenueField, useVenueForm } from '../../hooks/use-venue-form'
import { type TranslationKey, useT } from '../../i18n'
import type { Venue } from '../../services/health-code'
import { venueQrText } from '../../venue-link'
import '../../components/query-page.scss'
import './index.scss'

const FIELDS: Array<{ field: VenueField; label: TranslationKey; placeholder: TranslationKey; max: number }> = [
  { field: 'name', label: 'healthCode.venue.name', placeholder: 'healthCode.venue.namePlaceholder', max: 60 },
  { field: 'area', label: 'healthCode.venue.area', placeholder: 'healthCode.venue.areaPlaceholder', max: 60 },
  { field: 'address', label: 'healthCode.venue.address', placeholder: 'healthCode.venue.addressPlaceholder', max: 120 },
]

/** The QR's text: on H5 a link to this app's check-in page (a phone camera opens it), elsewhere the code itself. */
const qrText = (venue: Venue) => venueQrText(venue.code, process.env.TARO_ENV === 'h5' ? window.location.origin : null)

function VenueCode({ venue }: { venue: Venue }) {
  const t = useT()
  const text = qrText(venue)
  return (
    <View className="page-venue__code">
      <Text className="page-venue__code-name">{venue.name}</Text>
      <QrCode text={text} label={t('healthCode.venue.codeTitle')} />
      <View className="ysx-visually-hidden page-venue__qr-text" data-testid="venue-qr-text">
        {text}
      </View>
      <Text className="page-venue__hint">{t('healthCode.venue.codeHint')}</Text>
    </View>
  )
}

export default function VenuePage() {
  const t = useT()
  const form = useVenueForm()
  const [open, setOpen] = useState<string | null>(null)

  return (
    <View className="ysx-page ysx-query page-venue">
      <View className="ysx-card">
        <Text className="page-venue__intro">{t('healthCode.venue.intro')}</Text>
        {FIELDS.map(({ field, label, placeholder, max }) => (
          <View key={field} className="page-venue__field">
            <Text className="page-venue__label">{t(label)}</Text>
            <Input
              className={`page-venue__input page-venue__input--${field}`}
              value={form.fields[field]}
              onChange={(value) => form.setField(field, value)}
              placeholder={t(placeholder)}
              maxLength={max}
            />
            <FieldError className="page-venue__error" text={form.errors[field]} />
          </View>
        ))}
        <FieldError className="page-venue__error" text={form.failure} />
        <SubmitButton
          className="page-venue__submit"
          submitting={form.submitting}
          label={t('healthCode.venue.submit')}
          busyLabel={t('healthCode.venue.submitting')}
          onSubmit={() => void form.submit()}
        />
      </View>

      {form.created ? (
        <View className="ysx-card page-venue__created">
          <Text className="ysx-card__title">{t('healthCode.venue.codeTitle')}</Text>
          <VenueCode venue={form.created} />
        </View>
      ) : null}

      <Text className="page-venue__mine-title">{t('healthCode.venue.mine')}</Text>
      <QueryView query={form.mine} empty={t('healthCode.venue.none')} rows={3}>
        {(data) => (
          <View className="ysx-card page-venue__list">
            {data.venues.map((venue) => (
              <View key={venue.venueId} className="ysx-query__item page-venue__item">
                <View className="ysx-query__item-head">
                  <Text className="ysx-query__item-title">{venue.name}</Text>
                  <Button
                    size="small"
                    fill="outline"
                    type="primary"
                    onClick={() => setOpen(open === venue.venueId ? null : venue.venueId)}
                  >
                    {open === venue.venueId ? t('healthCode.venue.hide') : t('healthCode.venue.show')}
                  </Button>
                </View>
                <Text className="ysx-query__meta">{`${venue.area} ${venue.address}`}</Text>
                <Text className="ysx-query__meta">
                  {t('healthCode.venue.createdAt', { time: formatDateTime(venue.createdAt) })}
                </Text>
                {open === venue.venueId ? <VenueCode venue={venue} /> : null}
              </View>
            ))}
          </View>
        )}
      </QueryView>
    </View>
  )
}
