import * as React from 'react';
import { Badge, Button, Flex, MultiSelect, MultiSelectOption, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Page, useNotification } from '@strapi/strapi/admin';
import { PageLoading, useLoader } from '#admin/shared/common';
import {
  DataTable,
  FormDialog,
  sortRows,
  type Column,
  type Sort,
  FormField,
  PageShell,
} from '#admin/shared/kit';
import { ACTIONS } from '#unit-submissions/permissions';
import { useApi, type MemberUser, type Memberships } from '../api';
import { useT } from '../i18n';
import { personName } from '../labels';

const PERMISSIONS = [{ action: ACTIONS.memberships, subject: null }];

/** Which units one user belongs to, chosen in a dialog. */
const UnitsDialog = ({
  user,
  units,
  onClose,
  onSaved,
}: {
  user: MemberUser | null;
  units: Memberships['units'];
  onClose: () => void;
  onSaved: (userId: number, unitIds: number[]) => void;
}) => {
  const t = useT();
  const api = useApi();
  const [chosen, setChosen] = React.useState<string[]>([]);
  const name = user ? personName(user) : '';

  React.useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    if (user) setChosen(user.unitIds.map(String));
  }, [user]);

  return (
    <FormDialog
      open={user !== null}
      title={t('memberships.unitsOf', 'Đơn vị của {name}', { name })}
      onClose={onClose}
      onSubmit={async () => {
        if (!user) return;
        const saved = await api.setMemberships(user.id, chosen.map(Number));
        onSaved(user.id, saved.unitIds);
      }}
      submitLabel={t('memberships.save', 'Lưu')}
      fields={['unitIds']}
      testId="membership-dialog"
    >
      {({ errors, clearError }) => (
        <FormField name="unitIds" error={errors.unitIds} label={t('memberships.units', 'Đơn vị')}>
          <MultiSelect
            value={chosen}
            placeholder={t('memberships.noUnit', 'Không thuộc đơn vị nào')}
            withTags
            onChange={(value) => {
              setChosen(value);
              clearError('unitIds');
            }}
            data-testid="membership-units"
          >
            {units.map((unit) => (
              <MultiSelectOption key={unit.id} value={String(unit.id)}>
                {unit.name}
              </MultiSelectOption>
            ))}
          </MultiSelect>
        </FormField>
      )}
    </FormDialog>
  );
};

const MembershipsTable = () => {
  const t = useT();
  const api = useApi();
  const { toggleNotification } = useNotification();
  const loaded = useLoader(() => api.getMemberships(), [api]);
  const [data, setData] = React.useState<Memberships | null>(null);
  const [editing, setEditing] = React.useState<MemberUser | null>(null);
  const [sort, setSort] = React.useState<Sort | null>({ key: 'name', direction: 'asc' });

  React.useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    if (loaded.data) setData(loaded.data);
  }, [loaded.data]);

  const title = t('memberships.title', 'Thành viên đơn vị');
  if (!data) return <PageLoading failed={loaded.failed} t={t} />;

  const unitNames = (user: MemberUser) =>
    data.units
      .filter((unit) => user.unitIds.includes(unit.id))
      .map((unit) => unit.name)
      .join(', ');

  const columns: Column<MemberUser>[] = [
    {
      key: 'name',
      header: t('memberships.name', 'Họ và tên'),
      sortable: true,
      sortValue: personName,
      cell: (user) => (
        <Flex gap={2} wrap="wrap">
          <Typography fontWeight="semiBold">{personName(user)}</Typography>
          {!user.isActive && <Badge variant="neutral">{t('memberships.inactive', 'Ngừng hoạt động')}</Badge>}
        </Flex>
      ),
    },
    {
      key: 'email',
      header: t('memberships.email', 'Thư điện tử'),
      sortable: true,
      sortValue: (user) => user.email,
      cell: (user) => <Typography>{user.email}</Typography>,
    },
    {
      key: 'roles',
      header: t('memberships.roles', 'Vai trò'),
      cell: (user) => <Typography>{user.roles.map((role) => role.name).join(', ') || '—'}</Typography>,
    },
    {
      key: 'units',
      header: t('memberships.units', 'Đơn vị'),
      sortable: true,
      sortValue: unitNames,
      cell: (user) => (
        <Typography textColor={user.unitIds.length ? 'neutral800' : 'neutral500'}>
          {unitNames(user) || t('memberships.noUnit', 'Không thuộc đơn vị nào')}
        </Typography>
      ),
    },
  ];

  return (
    <PageShell
      title={title}
      subtitle={t(
        'memberships.subtitle',
        'Người dùng thuộc đơn vị nào thì xem và gửi được tin bài của đơn vị đó.'
      )}
    >
      <DataTable
        rows={sortRows(data.users, columns, sort)}
        columns={columns}
        rowKey={(user) => String(user.id)}
        label={title}
        sort={sort}
        onSort={setSort}
        actions={(user) => (
          <Button
            size="S"
            variant="secondary"
            startIcon={<Pencil />}
            onClick={() => setEditing(user)}
            aria-label={t('memberships.editFor', 'Sửa đơn vị của {name}', { name: personName(user) })}
            data-testid={`membership-edit-${user.id}`}
          >
            {t('memberships.edit', 'Sửa đơn vị')}
          </Button>
        )}
        empty={t('memberships.empty', 'Chưa có người dùng quản trị nào.')}
        rowData={(user) => ({ user: user.id })}
        testId="memberships-table"
        rowTestId="membership-row"
      />
      <UnitsDialog
        user={editing}
        units={data.units}
        onClose={() => setEditing(null)}
        onSaved={(userId, unitIds) => {
          const user = data.users.find((u) => u.id === userId);
          setData({ ...data, users: data.users.map((u) => (u.id === userId ? { ...u, unitIds } : u)) });
          setEditing(null);
          toggleNotification({
            type: 'success',
            message: t('memberships.saved', 'Đã cập nhật đơn vị của {name}.', {
              name: user ? personName(user) : '',
            }),
          });
        }}
      />
    </PageShell>
  );
};

/** Settings › Unit members: which admin users belong to which units. */
const MembershipsPage = () => (
  <Page.Protect permissions={PERMISSIONS}>
    <MembershipsTable />
  </Page.Protect>
);

export default MembershipsPage;
