import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  MultiSelect,
  MultiSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { ACTIONS } from '../../../server/src/permissions';
import { problemOf, useApi, type MemberUser, type Memberships } from '../api';
import { useT } from '../i18n';
import { personName } from '../labels';

const PERMISSIONS = [{ action: ACTIONS.memberships, subject: null }];

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

const MembershipsTable = () => {
  const t = useT();
  const api = useApi();
  const { toggleNotification } = useNotification();
  const [data, setData] = React.useState<Memberships | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [drafts, setDrafts] = React.useState<Record<number, string[]>>({});
  const [saving, setSaving] = React.useState<number | null>(null);

  React.useEffect(() => {
    let active = true;
    api.getMemberships().then(
      (loaded) => active && setData(loaded),
      (error: unknown) => {
        const problem = problemOf(error);
        if (!active || problem.aborted) return;
        setFailed(true);
        toggleNotification({ type: 'danger', message: problem.message });
      }
    );
    return () => {
      active = false;
    };
  }, [api, toggleNotification]);

  const title = t('memberships.title', 'Thành viên đơn vị');

  if (failed) return <Page.Error />;
  if (!data) return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;

  const current = (user: MemberUser) => user.unitIds.map(String);
  const selected = (user: MemberUser) => drafts[user.id] ?? current(user);

  const save = async (user: MemberUser) => {
    setSaving(user.id);
    try {
      const saved = await api.setMemberships(user.id, selected(user).map(Number));
      setData((previous) =>
        previous
          ? {
              ...previous,
              users: previous.users.map((u) => (u.id === user.id ? { ...u, unitIds: saved.unitIds } : u)),
            }
          : previous
      );
      setDrafts(({ [user.id]: _dropped, ...rest }) => rest);
      toggleNotification({
        type: 'success',
        message: t('memberships.saved', 'Đã cập nhật đơn vị của {name}.', { name: personName(user) }),
      });
    } catch (error) {
      const problem = problemOf(error);
      if (!problem.aborted) {
        toggleNotification({ type: 'danger', message: Object.values(problem.fields)[0] ?? problem.message });
      }
    } finally {
      setSaving(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'memberships.subtitle',
          'Người dùng thuộc đơn vị nào thì xem và gửi được tin bài của đơn vị đó.'
        )}
      />
      <Layouts.Content>
        {data.users.length === 0 ? (
          <EmptyStateLayout content={t('memberships.empty', 'Chưa có người dùng quản trị nào.')} />
        ) : (
          <Table colCount={4} rowCount={data.users.length + 1} data-testid="memberships-table">
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('memberships.name', 'Họ và tên')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('memberships.email', 'Thư điện tử')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('memberships.roles', 'Vai trò')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('memberships.units', 'Đơn vị')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {data.users.map((user) => {
                const name = personName(user);
                const changed = !sameSet(selected(user), current(user));
                return (
                  <Tr key={user.id} data-testid={`membership-row-${user.id}`}>
                    <Td>
                      <Flex gap={2}>
                        <Typography fontWeight="semiBold">{name}</Typography>
                        {!user.isActive && (
                          <Badge variant="neutral">{t('memberships.inactive', 'Ngừng hoạt động')}</Badge>
                        )}
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>{user.email}</Typography>
                    </Td>
                    <Td>
                      <Typography>{user.roles.map((role) => role.name).join(', ') || '—'}</Typography>
                    </Td>
                    <Td>
                      <Flex gap={2} alignItems="center">
                        <Box width="320px">
                          <MultiSelect
                            aria-label={t('memberships.unitsOf', 'Đơn vị của {name}', { name })}
                            value={selected(user)}
                            placeholder={t('memberships.noUnit', 'Không thuộc đơn vị nào')}
                            withTags
                            onChange={(value) => setDrafts((previous) => ({ ...previous, [user.id]: value }))}
                          >
                            {data.units.map((unit) => (
                              <MultiSelectOption key={unit.id} value={String(unit.id)}>
                                {unit.name}
                              </MultiSelectOption>
                            ))}
                          </MultiSelect>
                        </Box>
                        <Button
                          variant="secondary"
                          disabled={!changed || (saving !== null && saving !== user.id)}
                          loading={saving === user.id}
                          onClick={() => save(user)}
                          aria-label={t('memberships.saveFor', 'Lưu đơn vị của {name}', { name })}
                          data-testid={`membership-save-${user.id}`}
                        >
                          {t('memberships.save', 'Lưu')}
                        </Button>
                      </Flex>
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/** Settings › Unit members: which admin users belong to which units. */
const MembershipsPage = () => (
  <Page.Protect permissions={PERMISSIONS}>
    <MembershipsTable />
  </Page.Protect>
);

export default MembershipsPage;
